package io.stratus.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Trace-driven VMs sharing their hosts' threads: hand-worked cases, and the invariants under
 * random utilisations and moves.
 *
 * <p>The sharing equation: on a host of {@code T} threads whose VMs demand {@code d_v = u_v c_v},
 * {@code g_v = d_v} when {@code sum d_v <= T}, else {@code g_v = min(d_v, L c_v)} with
 * {@code sum g_v = T}.
 */
class UtilisationSharingTest {

    private static HostTable hosts(int count, int threads) {
        HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
        hosts.addHosts(new HostSpec("h", "test", threads, 64 * 1024).overcommitted(4, 1), 0, count);
        return hosts;
    }

    @Test
    void demandsThatFitAreGrantedInFull() {
        UtilisationSharing s = new UtilisationSharing(hosts(1, 4), new int[] {2, 2}, new int[] {0, 0});
        s.setUtilisation(0, 0.75);
        s.setUtilisation(1, 0.5);
        s.share();
        // 1.5 + 1.0 = 2.5 vCPUs <= 4 threads
        assertThat(s.granted(0)).isEqualTo(1.5);
        assertThat(s.granted(1)).isEqualTo(1.0);
        assertThat(s.hostDemand(0)).isEqualTo(2.5);
        assertThat(s.hostGranted(0)).isEqualTo(2.5);
    }

    @Test
    void anOverloadedHostIsSharedByVcpuWeight() {
        // two 2-vCPU VMs on a 2-thread host: demands 1.5 and 1.0 exceed 2 threads;
        // min(1.5, 2L) + min(1.0, 2L) = 2 gives L = 0.5: each VM gets 1.0, the first loses 0.5 to steal
        UtilisationSharing s = new UtilisationSharing(hosts(1, 2), new int[] {2, 2}, new int[] {0, 0});
        s.setUtilisation(0, 0.75);
        s.setUtilisation(1, 0.5);
        s.share();
        assertThat(s.granted(0)).isCloseTo(1.0, within(1e-12));
        assertThat(s.granted(1)).isCloseTo(1.0, within(1e-12));
        assertThat(s.hostGranted(0)).isCloseTo(2.0, within(1e-12));
        // a small VM is served in full and leaves the rest to the big one:
        // 0.2 + min(1.8, 2L) = 2 gives the second VM 1.8
        s.setUtilisation(0, 0.1);
        s.setUtilisation(1, 1.0);
        s.share();
        assertThat(s.granted(0)).isCloseTo(0.2, within(1e-12));
        assertThat(s.granted(1)).isCloseTo(1.8, within(1e-12));
    }

    @Test
    void aVmOnNoHostGetsNothingAndAMoveTakesEffectAtTheNextShare() {
        UtilisationSharing s = new UtilisationSharing(hosts(2, 1), new int[] {1, 1, 1}, new int[] {0, 0, -1});
        for (int v = 0; v < 3; v++) {
            s.setUtilisation(v, 0.8);
        }
        s.share();
        assertThat(s.granted(2)).isZero();
        assertThat(s.granted(0) + s.granted(1)).isCloseTo(1.0, within(1e-12));
        assertThat(s.vmsOn(0)).isEqualTo(2);
        s.move(1, 1);
        s.move(2, 1);
        s.share();
        assertThat(s.granted(0)).isEqualTo(0.8);
        assertThat(s.granted(1)).isCloseTo(0.5, within(1e-12));
        assertThat(s.granted(2)).isCloseTo(0.5, within(1e-12));
        assertThat(s.vmsOn(0)).isEqualTo(1);
        assertThat(s.vmOn(1, 0)).isEqualTo(1);
        assertThat(s.vmOn(1, 1)).isEqualTo(2);
    }

    @Test
    void refusesUtilisationOutsideZeroToOne() {
        UtilisationSharing s = new UtilisationSharing(hosts(1, 1), new int[] {1}, new int[] {0});
        assertThatThrownBy(() -> s.setUtilisation(0, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.move(0, 7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(seed = "8", tries = 300)
    void grantsNeverExceedThreadsNorDemandsAndUseEveryThreadWhenOverloaded(
            @ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = 9_999) Integer> script) {
        int hostCount = 3;
        int threads = 4;
        int vms = 12;
        int[] vcpus = new int[vms];
        int[] hostOf = new int[vms];
        for (int v = 0; v < vms; v++) {
            vcpus[v] = 1 + v % 4;
            hostOf[v] = v % (hostCount + 1) - 1;
        }
        HostTable table = hosts(hostCount, threads);
        UtilisationSharing s = new UtilisationSharing(table, vcpus, hostOf);
        for (int code : script) {
            int vm = code % vms;
            int arg = code / vms;
            if (arg % 5 == 0) {
                s.move(vm, arg % (hostCount + 1) - 1);
            } else {
                s.setUtilisation(vm, (arg % 101) / 100.0);
            }
            s.share();
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
                assertThat(granted).isLessThanOrEqualTo(threads + 1e-9);
                assertThat(granted).isCloseTo(Math.min(demand, threads), within(1e-9));
                assertThat(s.hostGranted(h)).isCloseTo(granted, within(1e-9));
            }
            for (int v = 0; v < vms; v++) {
                if (s.hostOf(v) < 0) {
                    assertThat(s.granted(v)).isZero();
                }
            }
        }
    }
}
