package io.stratus.storage;

import java.util.Objects;

/**
 * One EBS volume: network block storage in one zone that exists until deleted, whatever happens
 * to the instances it is attached to. Only {@link BlockStorage} changes a volume.
 */
public final class EbsVolume {

    /** Instance number of a detached volume. */
    public static final int DETACHED = -1;

    private final int id;
    private final VolumeSpec spec;
    private final int zone;
    private final int tenant;
    private final long createdAt;
    private final boolean root;
    private VolumeState state = VolumeState.AVAILABLE;
    private int instance = DETACHED;
    private boolean deleteOnTermination;
    private long contents;

    EbsVolume(int id, VolumeSpec spec, int zone, int tenant, long createdAt, boolean root, long contents) {
        this.id = id;
        this.spec = Objects.requireNonNull(spec, "spec");
        this.zone = zone;
        this.tenant = tenant;
        this.createdAt = createdAt;
        this.root = root;
        this.contents = contents;
    }

    /** The volume number, dense from 0. */
    public int id() {
        return id;
    }

    /** An EC2-style identifier for reports, such as {@code vol-000000000000002a}. */
    public String volumeId() {
        return String.format("vol-%016x", id);
    }

    /** Size and performance. */
    public VolumeSpec spec() {
        return spec;
    }

    /** The zone it lives in. */
    public int zone() {
        return zone;
    }

    /** The tenant (account) that owns it, and is billed for it. */
    public int tenant() {
        return tenant;
    }

    /** When it was created. */
    public long createdAt() {
        return createdAt;
    }

    /** Whether it is an instance's root device. */
    public boolean isRoot() {
        return root;
    }

    /** Available, in use or deleted. */
    public VolumeState state() {
        return state;
    }

    /** The instance it is attached to, or {@link #DETACHED}. */
    public int instance() {
        return instance;
    }

    /** Whether terminating its instance deletes it. */
    public boolean deleteOnTermination() {
        return deleteOnTermination;
    }

    /** The fingerprint of what was last written. */
    public long contents() {
        return contents;
    }

    void attach(int newInstance, boolean deleteWithInstance) {
        instance = newInstance;
        deleteOnTermination = deleteWithInstance;
        state = VolumeState.IN_USE;
    }

    void detach() {
        instance = DETACHED;
        deleteOnTermination = false;
        state = VolumeState.AVAILABLE;
    }

    void delete() {
        state = VolumeState.DELETED;
    }

    void write(long newContents) {
        contents = newContents;
    }
}
