package io.stratus.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceState;
import io.stratus.compute.InstanceType;
import io.stratus.compute.LaunchSpec;
import io.stratus.compute.NetworkLimits;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.network.PodNetworking.Mode;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Address accounting through a real {@link Fleet} under random scripts of launches (three
 * groups: plain instances, secondary-IP pods, prefix delegation, in a /26 and a /27 of two zones),
 * terminations and waits. Checked after every step against a naive recount of the live
 * instances: each subnet's taken count equals the sum over non-terminated instances of their
 * addresses, never exceeds its usable count, and a launch is refused exactly when the naive
 * count says it would not fit.
 */
class VpcAddressingPropertyTest {

    private static final List<String> GROUPS = List.of("plain", "pods", "prefixes");

    @Property(seed = "1717", tries = 100)
    void takenNeverExceedsUsableAndMatchesANaiveRecount(
            @ForAll @Size(min = 1, max = 120) List<@IntRange(min = 0, max = 999) Integer> script) {
        Simulation sim = new Simulation(3);
        HostTable hosts = new HostTable(List.of(new Zone(0, "a"), new Zone(1, "b")));
        hosts.addHosts(new HostSpec("h", "m5", 96, 384 * 1024), 0, 4);
        hosts.addHosts(new HostSpec("h", "m5", 96, 384 * 1024), 1, 4);
        Fleet fleet = new Fleet(sim, hosts, "first-fit", new CpuSharing(sim, (i, a, n) -> { }));
        List<Subnet> subnets = List.of(new Subnet("a", Cidr.parse("10.0.0.0/26"), 0),
                new Subnet("b", Cidr.parse("10.0.1.0/27"), 1));
        NetworkLimits limits = NetworkLimits.bundled();
        VpcAddressing vpc = new VpcAddressing(new SubnetAddresses(subnets), limits, Set.of());
        PodNetworking[] modes = {PodNetworking.NONE, new PodNetworking(Mode.SECONDARY_IP, 12, 1),
                new PodNetworking(Mode.PREFIX_DELEGATION, 20, 1)};
        for (int g = 0; g < GROUPS.size(); g++) {
            vpc.attach(new VpcAddressing.Attachment(GROUPS.get(g), List.of(0, 1), modes[g], ""));
        }
        fleet.setLaunchAdmission(vpc);
        fleet.addLaunchListener(vpc);
        fleet.addListener(vpc);
        InstanceType m5large = InstanceCatalog.bundled().get("m5.large");
        IntArrayList ids = new IntArrayList();
        IntArrayList groupOf = new IntArrayList();
        IntArrayList zoneOf = new IntArrayList();
        for (int code : script) {
            int what = code % 4;
            if (what <= 1) {
                int g = code / 4 % 3;
                int zone = code / 12 % 2;
                int need = modes[g].addresses(m5large, limits);
                boolean fits = subnets.get(zone).usable() - recount(fleet, ids, groupOf, zoneOf, modes, m5large, zone)
                        >= need;
                int id = fleet.launch(new LaunchSpec(m5large, zone, 0, Time.seconds(5)).withGroup(GROUPS.get(g)));
                assertThat(id >= 0).as("launch admitted exactly when it fits").isEqualTo(fits);
                if (id >= 0) {
                    ids.add(id);
                    groupOf.add(g);
                    zoneOf.add(zone);
                }
            } else if (what == 2 && !ids.isEmpty()) {
                int id = ids.getInt(code / 4 % ids.size());
                if (fleet.state(id) == InstanceState.RUNNING) {
                    fleet.terminate(id);
                }
            } else {
                sim.runUntil(sim.now() + Time.seconds(code % 20));
            }
            for (int z = 0; z < 2; z++) {
                assertThat(vpc.addresses().taken(z)).isEqualTo(recount(fleet, ids, groupOf, zoneOf, modes, m5large, z))
                        .isBetween(0, subnets.get(z).usable());
            }
        }
    }

    /** Addresses held by the non-terminated instances in zone {@code zone}, counted from scratch. */
    private static int recount(Fleet fleet, IntArrayList ids, IntArrayList groupOf, IntArrayList zoneOf,
                               PodNetworking[] modes, InstanceType type, int zone) {
        int sum = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (fleet.state(ids.getInt(i)) != InstanceState.TERMINATED && zoneOf.getInt(i) == zone) {
                sum += modes[groupOf.getInt(i)].addresses(type, NetworkLimits.bundled());
            }
        }
        return sum;
    }
}
