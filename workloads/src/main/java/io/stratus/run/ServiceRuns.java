package io.stratus.run;

import io.stratus.scenario.ServiceConfig;
import io.stratus.storage.IoSharing;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the services of a scenario on a shared region: routes each CPU and I/O completion to the
 * service that owns the instance (by instance id), and gives the services' requests one
 * {@link IoSharing} over the run's storage when any of them does I/O.
 */
final class ServiceRuns {

    private ServiceRuns() {
    }

    /** The services' runs, in file order. */
    static List<ServiceRun> build(List<ServiceConfig> configs, SharedRegion region) throws IOException {
        List<ServiceRun> runs = new ArrayList<>();
        IntArrayList serviceOf = new IntArrayList();
        region.completions().add((instance, arrival, now) -> runs.get(serviceOf.getInt(instance))
                .completed(instance, arrival, now));
        for (ServiceConfig config : configs) {
            int index = runs.size();
            ServiceRun run = new ServiceRun(config, region.sim(), region.fleet(), region.cpus(), region.storage(),
                    region.hosts().zoneCount(), region.cloudWatch(), region.purchases(), id -> {
                        while (serviceOf.size() <= id) {
                            serviceOf.add(-1);
                        }
                        serviceOf.set(id, index);
                    }, region.toClose());
            runs.add(run);
            region.completions().add(run.targetGroup);
        }
        if (configs.stream().anyMatch(c -> c.io() != null)) {
            IoSharing io = new IoSharing(region.sim(), region.fleet(), region.storage(), region.hosts(),
                    (volume, arrival, now) -> {
                        int instance = region.storage().volume(volume).instance();
                        runs.get(serviceOf.getInt(instance)).ioCompleted(instance, arrival, now);
                    },
                    (instance, arrival, now) -> runs.get(serviceOf.getInt(instance)).ioCompleted(instance, arrival, now));
            runs.forEach(r -> r.storage(region.storage(), io));
        }
        return runs;
    }
}
