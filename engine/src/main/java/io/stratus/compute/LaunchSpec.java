package io.stratus.compute;

import io.stratus.hypervisor.CpuCreditMode;
import io.stratus.infra.Tenancy;
import io.stratus.placement.PlacementRequest;
import io.stratus.sim.Time;
import java.util.List;
import java.util.Objects;

/**
 * What to launch: the instance type and image, where, for whom, and how its lifecycle
 * transitions take.
 *
 * <p>Build one with the four-argument constructor and refine it with the {@code with...}
 * methods; each returns a new spec.
 *
 * @param type           the instance type
 * @param zone           the zone index, or {@code -1} for any zone
 * @param ami            the image: root device, boot and user-data times
 * @param stopMicros     stopping to stopped
 * @param shutdownMicros shutting-down to terminated
 * @param tenant         the account launching it (0 in a single-account scenario)
 * @param tenancy        default, dedicated instance, or dedicated host
 * @param dedicatedHost  for {@link Tenancy#HOST}: the host (allocated to {@code tenant}) to run
 *                       on, or {@link #AUTO_PLACEMENT} for any of the tenant's Dedicated Hosts
 *                       with room; {@code -1} for the other tenancies
 * @param cpuWeight      share of the host's threads under contention relative to neighbours
 *                       (by default the vCPU count)
 * @param creditMode     for burstable types: standard or unlimited (default: T2 standard,
 *                       others unlimited)
 * @param keyName        the key pair installed on the instance, or empty for none
 * @param securityGroups names of the security groups the instance is in
 * @param group          the name of what launched it (an Auto Scaling group, a service, a batch
 *                       environment), like EC2's {@code aws:autoscaling:groupName} tag; empty for none
 * @param placementGroup the EC2 placement group (a number from the fleet's
 *                       {@link io.stratus.placement.PlacementGroups}), or
 *                       {@link PlacementRequest#NO_GROUP}
 * @param partition      in a partition placement group, the partition asked for (0-based), or
 *                       {@link PlacementRequest#ANY_PARTITION}
 * @param purchase       how its owner buys it: {@link PurchaseOption#ON_DEMAND} (the default) or
 *                       {@link PurchaseOption#SPOT}, chosen by the owner's {@link InstancesDistribution};
 *                       tenancy other than default overrides it in the bill
 */
public record LaunchSpec(InstanceType type, int zone, Ami ami, long stopMicros, long shutdownMicros, int tenant,
                         Tenancy tenancy, int dedicatedHost, double cpuWeight, CpuCreditMode creditMode,
                         String keyName, List<String> securityGroups, String group, int placementGroup,
                         int partition, PurchaseOption purchase) {

    /**
     * {@code dedicatedHost} of a launch with tenancy host that names no host: it goes to any of
     * its tenant's Dedicated Hosts with room (EC2 auto-placement); also the value for the other
     * tenancies.
     */
    public static final int AUTO_PLACEMENT = -1;

    /** Default stopping-to-stopped time. */
    public static final long DEFAULT_STOP_MICROS = 20 * Time.SECOND;

    public LaunchSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ami, "ami");
        Objects.requireNonNull(tenancy, "tenancy");
        Objects.requireNonNull(creditMode, "creditMode");
        Objects.requireNonNull(keyName, "keyName");
        securityGroups = List.copyOf(securityGroups);
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(purchase, "purchase");
        if (!purchase.isLaunchChoice()) {
            throw new IllegalArgumentException("a launch is on-demand or spot (tenancy makes it dedicated), got "
                    + purchase.label());
        }
        if (zone < -1) {
            throw new IllegalArgumentException("bad zone index " + zone);
        }
        if (stopMicros < 0 || shutdownMicros < 0) {
            throw new IllegalArgumentException("lifecycle durations must not be negative");
        }
        if (tenant < 0) {
            throw new IllegalArgumentException("tenant must not be negative, got " + tenant);
        }
        if (dedicatedHost < AUTO_PLACEMENT || dedicatedHost >= 0 && tenancy != Tenancy.HOST) {
            throw new IllegalArgumentException("a dedicated host is named only when tenancy is host (tenancy "
                    + tenancy.apiName() + ", host " + dedicatedHost + ")");
        }
        if (!(cpuWeight > 0)) {
            throw new IllegalArgumentException("cpu weight must be positive, got " + cpuWeight);
        }
        if (placementGroup < PlacementRequest.NO_GROUP || partition < PlacementRequest.ANY_PARTITION
                || partition >= 0 && placementGroup == PlacementRequest.NO_GROUP) {
            throw new IllegalArgumentException("bad placement group " + placementGroup + " / partition " + partition);
        }
    }

    /** A spec outside any placement group. */
    public LaunchSpec(InstanceType type, int zone, Ami ami, long stopMicros, long shutdownMicros, int tenant,
                      Tenancy tenancy, int dedicatedHost, double cpuWeight, CpuCreditMode creditMode,
                      String keyName, List<String> securityGroups, String group) {
        this(type, zone, ami, stopMicros, shutdownMicros, tenant, tenancy, dedicatedHost, cpuWeight, creditMode,
                keyName, securityGroups, group, PlacementRequest.NO_GROUP, PlacementRequest.ANY_PARTITION,
                PurchaseOption.ON_DEMAND);
    }

    /**
     * A default-tenancy launch for tenant 0 of an EBS-backed image booting in {@code bootMicros}
     * (image and user data together), with no key pair and no security group.
     */
    public LaunchSpec(InstanceType type, int zone, long bootMicros, long shutdownMicros) {
        this(type, zone, new Ami("ami-default", RootDevice.EBS, bootMicros, 0, Ami.DEFAULT_ROOT_GIB),
                DEFAULT_STOP_MICROS, shutdownMicros, 0, Tenancy.DEFAULT, -1, type.vcpus(),
                BurstableCpu.defaultMode(type), "", List.of(), "");
    }

    /** Time from the first pending to running: image boot plus user data. */
    public long bootMicros() {
        return ami.bootMicros(true);
    }

    /** This spec in another zone ({@code -1} for any). */
    public LaunchSpec withZone(int newZone) {
        return new LaunchSpec(type, newZone, ami, stopMicros, shutdownMicros, tenant, tenancy, dedicatedHost, cpuWeight,
                creditMode, keyName, securityGroups, group, placementGroup, partition, purchase);
    }

    /** This spec with another image. */
    public LaunchSpec withAmi(Ami newAmi) {
        return new LaunchSpec(type, zone, newAmi, stopMicros, shutdownMicros, tenant, tenancy, dedicatedHost,
                cpuWeight, creditMode, keyName, securityGroups, group, placementGroup, partition, purchase);
    }

    /** This spec with another stopping time. */
    public LaunchSpec withStopMicros(long micros) {
        return new LaunchSpec(type, zone, ami, micros, shutdownMicros, tenant, tenancy, dedicatedHost,
                cpuWeight, creditMode, keyName, securityGroups, group, placementGroup, partition, purchase);
    }

    /** This spec for {@code newTenant} with default or dedicated-instance tenancy. */
    public LaunchSpec withTenancy(int newTenant, Tenancy newTenancy) {
        if (newTenancy == Tenancy.HOST) {
            throw new IllegalArgumentException("tenancy host: use onDedicatedHost or onDedicatedHosts");
        }
        return new LaunchSpec(type, zone, ami, stopMicros, shutdownMicros, newTenant, newTenancy, -1,
                cpuWeight, creditMode, keyName, securityGroups, group, placementGroup, partition, purchase);
    }

    /** This spec for {@code newTenant}, on its dedicated host {@code host}. */
    public LaunchSpec onDedicatedHost(int newTenant, int host) {
        return new LaunchSpec(type, zone, ami, stopMicros, shutdownMicros, newTenant, Tenancy.HOST, host,
                cpuWeight, creditMode, keyName, securityGroups, group, placementGroup, partition, purchase);
    }

    /**
     * This spec for {@code newTenant} with tenancy host and auto-placement: on the first of the
     * tenant's Dedicated Hosts in its zone with room.
     */
    public LaunchSpec onDedicatedHosts(int newTenant) {
        return new LaunchSpec(type, zone, ami, stopMicros, shutdownMicros, newTenant, Tenancy.HOST, AUTO_PLACEMENT,
                cpuWeight, creditMode, keyName, securityGroups, group, placementGroup, partition, purchase);
    }

    /** This spec with another CPU weight. */
    public LaunchSpec withCpuWeight(double weight) {
        return new LaunchSpec(type, zone, ami, stopMicros, shutdownMicros, tenant, tenancy, dedicatedHost,
                weight, creditMode, keyName, securityGroups, group, placementGroup, partition, purchase);
    }

    /** This spec with another credit mode (burstable types). */
    public LaunchSpec withCreditMode(CpuCreditMode mode) {
        return new LaunchSpec(type, zone, ami, stopMicros, shutdownMicros, tenant, tenancy, dedicatedHost,
                cpuWeight, mode, keyName, securityGroups, group, placementGroup, partition, purchase);
    }

    /** This spec with a key pair and security groups. */
    public LaunchSpec withAccess(String newKeyName, List<String> groups) {
        return new LaunchSpec(type, zone, ami, stopMicros, shutdownMicros, tenant, tenancy, dedicatedHost,
                cpuWeight, creditMode, newKeyName, groups, group, placementGroup, partition, purchase);
    }

    /**
     * This spec in placement group {@code newGroup} ({@link PlacementRequest#NO_GROUP} for none),
     * asking for partition {@code newPartition} ({@link PlacementRequest#ANY_PARTITION} for any).
     */
    public LaunchSpec inPlacementGroup(int newGroup, int newPartition) {
        return new LaunchSpec(type, zone, ami, stopMicros, shutdownMicros, tenant, tenancy, dedicatedHost,
                cpuWeight, creditMode, keyName, securityGroups, group, newGroup, newPartition, purchase);
    }

    /** This spec tagged with the name of what launches it. */
    public LaunchSpec withGroup(String newGroup) {
        return new LaunchSpec(type, zone, ami, stopMicros, shutdownMicros, tenant, tenancy, dedicatedHost,
                cpuWeight, creditMode, keyName, securityGroups, newGroup, placementGroup, partition, purchase);
    }

    /** This spec bought with {@code option} (on-demand or spot). */
    public LaunchSpec withPurchase(PurchaseOption option) {
        return new LaunchSpec(type, zone, ami, stopMicros, shutdownMicros, tenant, tenancy, dedicatedHost,
                cpuWeight, creditMode, keyName, securityGroups, group, placementGroup, partition, option);
    }
}
