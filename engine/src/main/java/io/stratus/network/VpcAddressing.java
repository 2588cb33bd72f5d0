package io.stratus.network;

import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.compute.LaunchAdmission;
import io.stratus.compute.LaunchListener;
import io.stratus.compute.LaunchSpec;
import io.stratus.compute.NetworkLimits;
import io.stratus.sim.Time;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A VPC's addresses during a run, and the launch checks EC2 makes before placement: a launch of
 * an attached group (by {@link LaunchSpec#group()}) needs the key pair it names to exist
 * ({@code InvalidKeyPair.NotFound} otherwise) and, in a subnet of the group in the launch's zone,
 * as many free addresses as the node takes ({@link PodNetworking}; else
 * {@code InsufficientFreeAddressesInSubnet}). Refusals are recorded per group
 * ({@link #refusals}). An admitted instance takes its addresses when launched and gives them
 * back when terminated. Groups not attached launch as before, outside the accounting.
 *
 * <p>Simplification: each launch goes to the first subnet of its group in its zone with room
 * (EC2 Auto Scaling balances zones, not subnets within one).
 */
public final class VpcAddressing implements LaunchAdmission, LaunchListener, InstanceListener {

    /** EC2's error code for a subnet without enough free addresses. */
    public static final String NO_FREE_ADDRESSES = "InsufficientFreeAddressesInSubnet";
    /** EC2's error code for a launch naming a key pair that does not exist. */
    public static final String NO_SUCH_KEY_PAIR = "InvalidKeyPair.NotFound";

    /**
     * A group's place in the VPC.
     *
     * @param group   the launching group's name ({@link LaunchSpec#group()})
     * @param subnets indexes (into the accounting's subnets) of its subnets
     * @param pods    the addresses each of its nodes takes
     * @param keyName the key pair its launches name, or empty for none
     */
    public record Attachment(String group, List<Integer> subnets, PodNetworking pods, String keyName) {
        public Attachment {
            Objects.requireNonNull(group, "group");
            subnets = List.copyOf(subnets);
            Objects.requireNonNull(pods, "pods");
            Objects.requireNonNull(keyName, "keyName");
        }
    }

    private final SubnetAddresses addresses;
    private final NetworkLimits limits;
    private final Set<String> keyPairs;
    private final Map<String, Attachment> byGroup = new LinkedHashMap<>();
    private final Map<String, LaunchRefusals> refusals = new LinkedHashMap<>();
    private final Int2IntOpenHashMap subnetOf = new Int2IntOpenHashMap();
    private final Int2IntOpenHashMap takenBy = new Int2IntOpenHashMap();

    /** A VPC of {@code addresses}' subnets with the key pairs named {@code keyPairs}. */
    public VpcAddressing(SubnetAddresses addresses, NetworkLimits limits, Set<String> keyPairs) {
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.keyPairs = Set.copyOf(keyPairs);
    }

    /** Attaches a group; its launches are checked and accounted from now on. */
    public void attach(Attachment a) {
        if (byGroup.putIfAbsent(a.group(), a) != null) {
            throw new IllegalArgumentException("group " + a.group() + " is already attached");
        }
        refusals.put(a.group(), new LaunchRefusals());
    }

    /** The accounting. */
    public SubnetAddresses addresses() {
        return addresses;
    }

    /** Whether {@code group} is attached. */
    public boolean hasGroup(String group) {
        return byGroup.containsKey(group);
    }

    /** The refused launches of an attached group. */
    public LaunchRefusals refusals(String group) {
        return Objects.requireNonNull(refusals.get(group), group);
    }

    /**
     * Takes {@code n} addresses for something that is not an instance (a load balancer node's
     * ENI) in {@code group}'s subnet in {@code zone}; whether there was room.
     */
    public boolean reserve(String group, int zone, int n) {
        int s = subnetWithRoom(byGroup.get(group), zone, n);
        return s >= 0 && addresses.take(s, n);
    }

    @Override
    public boolean admits(LaunchSpec spec, long now) {
        Attachment a = byGroup.get(spec.group());
        if (a == null) {
            return true;
        }
        if (spec.zone() < 0) {
            throw new IllegalArgumentException("a launch into a subnet names its zone (group " + a.group() + ")");
        }
        if (!a.keyName().isEmpty() && !keyPairs.contains(a.keyName())) {
            refusals.get(a.group()).record(NO_SUCH_KEY_PAIR,
                    () -> "The key pair '" + a.keyName() + "' does not exist", now);
            return false;
        }
        int need = a.pods().addresses(spec.type(), limits);
        if (subnetWithRoom(a, spec.zone(), need) < 0) {
            refusals.get(a.group()).record(NO_FREE_ADDRESSES, () -> describeFull(a, spec, need, now), now);
            return false;
        }
        return true;
    }

    private String describeFull(Attachment a, LaunchSpec spec, int need, long now) {
        StringBuilder b = new StringBuilder();
        for (int s : a.subnets()) {
            Subnet subnet = addresses.subnets().get(s);
            if (subnet.zone() == spec.zone()) {
                b.append(b.length() == 0 ? "" : ", ").append("subnet ").append(subnet.name()).append(" (")
                        .append(subnet.cidr()).append(", ").append(subnet.usable()).append(" usable) has ")
                        .append(addresses.free(s)).append(" free");
            }
        }
        return "at " + Time.format(now) + " one " + spec.type().name() + " node needs " + need
                + " addresses; " + b;
    }

    @Override
    public void launched(Instance instance, long now) {
        Attachment a = byGroup.get(instance.spec().group());
        if (a == null) {
            return;
        }
        int need = a.pods().addresses(instance.type(), limits);
        int s = subnetWithRoom(a, instance.zone(), need);
        if (s < 0 || !addresses.take(s, need)) {
            throw new IllegalStateException("instance " + instance.instanceId() + " was admitted but its zone "
                    + instance.zone() + " has no subnet with " + need + " free addresses");
        }
        subnetOf.put(instance.id(), s);
        takenBy.put(instance.id(), need);
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        if (to == InstanceState.TERMINATED && takenBy.containsKey(instance.id())) {
            addresses.release(subnetOf.remove(instance.id()), takenBy.remove(instance.id()));
        }
    }

    private int subnetWithRoom(Attachment a, int zone, int need) {
        if (a == null) {
            return -1;
        }
        for (int s : a.subnets()) {
            if (addresses.subnets().get(s).zone() == zone && addresses.free(s) >= need) {
                return s;
            }
        }
        return -1;
    }
}
