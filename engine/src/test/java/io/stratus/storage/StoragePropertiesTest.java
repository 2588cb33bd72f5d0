package io.stratus.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.Fleet;
import io.stratus.compute.HostShapes;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceState;
import io.stratus.compute.LaunchSpec;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** What survives a stop and start, under random scripts of writes, stops, starts and waits. */
class StoragePropertiesTest {

    @Property(seed = "31337", tries = 200)
    void instanceStoreIsLostOnStopAndEbsIsKept(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 9999) Integer> script) {
        Simulation sim = new Simulation(23);
        HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
        // two small hosts' worth: instances restart on whichever host has room
        hosts.addHosts(HostShapes.of(InstanceCatalog.bundled(), "m5d"), 0, 2);
        Fleet fleet = new Fleet(sim, hosts, "first-fit", new CpuSharing(sim, (i, a, n) -> { }));
        BlockStorage ebs = new BlockStorage(sim, fleet);
        InstanceStore local = new InstanceStore(fleet);
        int instances = 4;
        int[] volume = new int[instances];
        long[] written = new long[instances];
        for (int i = 0; i < instances; i++) {
            fleet.launch(new LaunchSpec(InstanceCatalog.bundled().get("m5d.4xlarge"), 0, Time.SECOND, 0)
                    .withStopMicros(Time.SECOND));
        }
        sim.runUntil(Time.SECOND);
        for (int i = 0; i < instances; i++) {
            volume[i] = ebs.create(VolumeSpec.gp3(10), 0);
            ebs.attach(volume[i], i, false);
        }
        for (int code : script) {
            int i = code % instances;
            int arg = code / instances;
            InstanceState state = fleet.state(i);
            switch (arg % 4) {
                case 0 -> {
                    if (state == InstanceState.RUNNING) {
                        written[i] = 1 + arg;
                        ebs.write(volume[i], written[i]);
                        local.write(i, written[i]);
                    }
                }
                case 1 -> {
                    if (state == InstanceState.RUNNING) {
                        fleet.stop(i);
                        sim.runUntil(sim.now() + Time.SECOND);
                        assertThat(local.read(i)).isEqualTo(InstanceStore.BLANK);
                    }
                }
                case 2 -> {
                    if (state == InstanceState.STOPPED && fleet.start(i)) {
                        sim.runUntil(sim.now() + Time.SECOND);
                        assertThat(local.read(i)).isEqualTo(InstanceStore.BLANK);
                    }
                }
                default -> sim.runUntil(sim.now() + Time.seconds(1 + arg % 30));
            }
            for (int j = 0; j < instances; j++) {
                assertThat(ebs.volume(volume[j]).contents()).isEqualTo(written[j]);
                assertThat(ebs.volume(volume[j]).instance()).isEqualTo(j);
            }
        }
    }
}
