package io.stratus.compute;

import io.stratus.sim.Time;
import java.util.Objects;

/**
 * An Amazon Machine Image as far as timing and storage go: where its root device lives, how long
 * it takes to boot, and how long its user data runs on the first boot.
 *
 * <p>EBS-backed AMIs boot faster (AWS: usually under a minute) than instance-store-backed ones,
 * whose image is copied from S3 onto the local disk at every boot (AWS: usually under five
 * minutes); the defaults {@link #EBS_BOOT_MICROS} and {@link #INSTANCE_STORE_BOOT_MICROS} are
 * single representative values, not measurements. User data runs only the first time an
 * instance boots, not when a stopped instance is started again.
 *
 * @param name           an identifier for reports, such as {@code ami-web}
 * @param root           where the root device lives
 * @param bootMicros     boot time of the image
 * @param userDataMicros extra time the user-data script takes on the first boot
 * @param rootVolumeGib  size of the root volume (an EBS volume for EBS-backed AMIs)
 */
public record Ami(String name, RootDevice root, long bootMicros, long userDataMicros, int rootVolumeGib) {

    /** Default boot time of an EBS-backed AMI (the café scenario's 40 s). */
    public static final long EBS_BOOT_MICROS = 40 * Time.SECOND;
    /** Default boot time of an instance-store-backed AMI: the image is fetched from S3 first. */
    public static final long INSTANCE_STORE_BOOT_MICROS = 3 * Time.MINUTE;
    /** Default root volume size, GiB (the Amazon Linux default). */
    public static final int DEFAULT_ROOT_GIB = 8;

    public Ami {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
        if (bootMicros < 0 || userDataMicros < 0) {
            throw new IllegalArgumentException(name + ": boot and user-data times must not be negative");
        }
        if (rootVolumeGib <= 0) {
            throw new IllegalArgumentException(name + ": root volume must be positive, got " + rootVolumeGib);
        }
    }

    /** An EBS-backed AMI with the default boot time and root size. */
    public static Ami ebs(String name, long userDataMicros) {
        return new Ami(name, RootDevice.EBS, EBS_BOOT_MICROS, userDataMicros, DEFAULT_ROOT_GIB);
    }

    /** An instance-store-backed AMI with the default boot time and root size. */
    public static Ami instanceStore(String name, long userDataMicros) {
        return new Ami(name, RootDevice.INSTANCE_STORE, INSTANCE_STORE_BOOT_MICROS, userDataMicros,
                DEFAULT_ROOT_GIB);
    }

    /** Time from pending to running: the image boot, plus the user data on the first boot. */
    public long bootMicros(boolean firstBoot) {
        return bootMicros + (firstBoot ? userDataMicros : 0);
    }
}
