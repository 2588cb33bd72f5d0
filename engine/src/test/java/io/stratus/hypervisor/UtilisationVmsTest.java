package io.stratus.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Trace-driven VMs as members of the CPU sharing's host pools: hand-worked cases, and the
 * conservation of every host's threads under a random mix of utilisations, moves and
 * request-serving neighbours.
 *
 * <p>The sharing equation: on a host of {@code T} threads whose members demand {@code d_i} with
 * weights {@code w_i} (a VM: {@code d = u c}, {@code w = c}; a request-serving instance:
 * {@code d = min(jobs, c)}, {@code w = c}), {@code g_i = d_i} when {@code sum d_i <= T}, else
 * {@code g_i = min(d_i, L w_i)} with {@code sum g_i = T}.
 */
class UtilisationVmsTest {

    private static final long FOREVER = 1_000_000 * Time.SECOND;

    private CpuSharing cpus = new CpuSharing(new Simulation(3), (id, arrival, now) -> { });

    private HostTable hosts(int count, int threads) {
        HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
        hosts.addHosts(new HostSpec("h", "test", threads, 64 * 1024).overcommitted(8, 1), 0, count);
        cpus.bindHosts(hosts);
        return hosts;
    }

    /** VMs numbered as their instances, each attached on its host as the fleet would when it runs. */
    private UtilisationVms vms(HostTable hosts, int[] vcpus, int[] hostOf) {
        int[] instanceOf = new int[vcpus.length];
        for (int v = 0; v < vcpus.length; v++) {
            instanceOf[v] = hostOf[v] < 0 ? -1 : v;
        }
        UtilisationVms vms = new UtilisationVms(cpus, hosts, vcpus, instanceOf, hostOf);
        for (int v = 0; v < vcpus.length; v++) {
            if (hostOf[v] >= 0) {
                attach(v, hostOf[v], vcpus[v]);
            }
        }
        return vms;
    }

    private void attach(int id, int host, int vcpus) {
        cpus.attach(id, host, VcpuProfile.fixed(vcpus, 0).withWeight(vcpus));
    }

    @Test
    void demandsThatFitAreGrantedInFull() {
        UtilisationVms s = vms(hosts(1, 4), new int[] {2, 2}, new int[] {0, 0});
        s.setUtilisation(0, 0.75);
        s.setUtilisation(1, 0.5);
        // 1.5 + 1.0 = 2.5 vCPUs <= 4 threads
        assertThat(s.granted(0)).isEqualTo(1.5);
        assertThat(s.granted(1)).isEqualTo(1.0);
        assertThat(s.hostDemand(0)).isEqualTo(2.5);
        assertThat(s.hostGranted(0)).isEqualTo(2.5);
        assertThat(cpus.isUtilisationVm(0)).isTrue();
    }

    @Test
    void anOverloadedHostIsSharedByVcpuWeight() {
        // two 2-vCPU VMs on a 2-thread host: demands 1.5 and 1.0 exceed 2 threads;
        // min(1.5, 2L) + min(1.0, 2L) = 2 gives L = 0.5: each VM gets 1.0, the first loses 0.5 to steal
        UtilisationVms s = vms(hosts(1, 2), new int[] {2, 2}, new int[] {0, 0});
        s.setUtilisation(0, 0.75);
        s.setUtilisation(1, 0.5);
        assertThat(s.granted(0)).isCloseTo(1.0, within(1e-12));
        assertThat(s.granted(1)).isCloseTo(1.0, within(1e-12));
        assertThat(s.hostGranted(0)).isCloseTo(2.0, within(1e-12));
        // a small VM is served in full and leaves the rest to the big one:
        // 0.2 + min(1.8, 2L) = 2 gives the second VM 1.8
        s.setUtilisation(0, 0.1);
        s.setUtilisation(1, 1.0);
        assertThat(s.granted(0)).isCloseTo(0.2, within(1e-12));
        assertThat(s.granted(1)).isCloseTo(1.8, within(1e-12));
    }

    @Test
    void aRequestServingNeighbourCountsInTheHostsDemandAndTakesItsShare() {
        // host of 4 threads: VM 0 (4 vCPUs, u = 0.75: d = 3) and instance 1 (4 vCPUs) with 2 endless
        // jobs (d = 2). 5 > 4: min(3, 4L) + min(2, 4L) = 4 gives L = 1/2: both get 2; the VM steals 1.
        HostTable hosts = hosts(1, 4);
        UtilisationVms s = vms(hosts, new int[] {4}, new int[] {0});
        s.setUtilisation(0, 0.75);
        attach(1, 0, 4);
        cpus.submit(1, FOREVER);
        cpus.submit(1, FOREVER);
        assertThat(s.hostDemand(0)).isEqualTo(5.0);
        assertThat(s.vmsOn(0)).isEqualTo(1);
        assertThat(s.granted(0)).isCloseTo(2, within(1e-12));
        assertThat(cpus.grantedVcpus(1)).isCloseTo(2, within(1e-12));
        assertThat(s.hostGranted(0)).isCloseTo(4, within(1e-12));
    }

    @Test
    void aVmOnNoHostGetsNothingAndAMoveTakesEffectAtOnce() {
        HostTable hosts = hosts(2, 1);
        UtilisationVms s = vms(hosts, new int[] {1, 1, 1}, new int[] {0, 0, -1});
        for (int v = 0; v < 3; v++) {
            s.setUtilisation(v, 0.8);
        }
        assertThat(s.granted(2)).isZero();
        assertThat(s.granted(0) + s.granted(1)).isCloseTo(1.0, within(1e-12));
        assertThat(s.vmsOn(0)).isEqualTo(2);
        // the fleet moves VM 1's CPU to host 1, then tells the VMs
        cpus.detach(1);
        attach(1, 1, 1);
        s.moved(1, 1);
        assertThat(s.granted(0)).isEqualTo(0.8);
        assertThat(s.granted(1)).isEqualTo(0.8);
        assertThat(s.vmsOn(0)).isEqualTo(1);
        assertThat(s.vmOn(1, 0)).isEqualTo(1);
    }

    @Test
    void refusesUtilisationOutsideZeroToOneAndUnknownHosts() {
        UtilisationVms s = vms(hosts(1, 1), new int[] {1, 1}, new int[] {0, -1});
        assertThatThrownBy(() -> s.setUtilisation(0, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.moved(0, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.moved(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Conservation on mixed hosts: VMs change utilisation and move, request-serving instances come,
     * take endless jobs and go; after every step each member gets at most its demand, a host's
     * grants never exceed its threads, and an overloaded host uses every thread.
     */
    @Property(seed = "8", tries = 200)
    void grantsOfAllMembersNeverExceedThreadsNorDemands(
            @ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = 99_999) Integer> script) {
        int hostCount = 3;
        int threads = 4;
        int vmCount = 12;
        int servers = 6; // instances vmCount .. vmCount + servers - 1
        int[] vcpus = new int[vmCount];
        int[] hostOf = new int[vmCount];
        for (int v = 0; v < vmCount; v++) {
            vcpus[v] = 1 + v % 4;
            hostOf[v] = v % (hostCount + 1) - 1;
        }
        cpus = new CpuSharing(new Simulation(3), (id, arrival, now) -> { }); // one per try
        HostTable table = hosts(hostCount, threads);
        UtilisationVms s = vms(table, vcpus, hostOf);
        int[] serverHost = new int[servers];
        Arrays.fill(serverHost, -1);
        for (int code : script) {
            int arg = code / 60;
            int who = code % 60;
            if (who < vmCount) {
                if (arg % 5 == 0 && s.hostOf(who) >= 0) {
                    int to = arg % hostCount;
                    cpus.detach(who);
                    attach(who, to, vcpus[who]);
                    s.moved(who, to);
                } else {
                    s.setUtilisation(who, (arg % 101) / 100.0);
                }
            } else {
                int k = (who - vmCount) % servers;
                int id = vmCount + k;
                if (serverHost[k] < 0) {
                    serverHost[k] = arg % hostCount;
                    attach(id, serverHost[k], 1 + k % 3);
                } else if (arg % 4 == 0) {
                    cpus.detach(id);
                    serverHost[k] = -1;
                } else {
                    cpus.submit(id, FOREVER);
                }
            }
            for (int h = 0; h < hostCount; h++) {
                double demand = 0;
                double granted = 0;
                for (int i = 0; i < s.vmsOn(h); i++) {
                    int v = s.vmOn(h, i);
                    assertThat(s.hostOf(v)).isEqualTo(h);
                    assertThat(s.granted(v)).isBetween(0.0, s.demand(v) + 1e-12);
                    demand += s.demand(v);
                    granted += s.granted(v);
                }
                for (int k = 0; k < servers; k++) {
                    if (serverHost[k] == h) {
                        int id = vmCount + k;
                        double d = Math.min(cpus.active(id), cpus.vcpus(id));
                        assertThat(cpus.grantedVcpus(id)).isBetween(0.0, d + 1e-12);
                        demand += d;
                        granted += cpus.grantedVcpus(id);
                    }
                }
                assertThat(s.hostDemand(h)).isCloseTo(demand, within(1e-9));
                assertThat(granted).isLessThanOrEqualTo(threads + 1e-9);
                assertThat(granted).isCloseTo(Math.min(demand, threads), within(1e-9));
                assertThat(s.hostGranted(h)).isCloseTo(granted, within(1e-9));
            }
            for (int v = 0; v < vmCount; v++) {
                if (s.hostOf(v) < 0) {
                    assertThat(s.granted(v)).isZero();
                }
            }
        }
    }
}
