package io.stratus.run;

import io.stratus.scenario.ServiceConfig;
import io.stratus.storage.IoSharing;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the services of a scenario on a shared region: routes each CPU and I/O completion to the
 * service that owns the instance (asking each service in turn: there are few), and gives the services' requests one
 * {@link IoSharing} over the run's storage when any of them does I/O.
 */
final class ServiceRuns {

    private ServiceRuns() {
    }

    /** The services' runs, in file order. */
    static List<ServiceRun> build(List<ServiceConfig> configs, SharedRegion region) throws IOException {
        List<ServiceRun> runs = new ArrayList<>();
        region.completions().add((instance, arrival, now) -> {
            ServiceRun owner = owner(runs, instance);
            if (owner != null) { // else a queue worker's message
                owner.completed(instance, arrival, now);
            }
        });
        for (ServiceConfig config : configs) {
            ServiceRun run = new ServiceRun(config, region.sim(), region.fleet(), region.cpus(), region.storage(),
                    region.hosts().zoneCount(), region.cloudWatch(), region.purchases(), region.toClose());
            runs.add(run);
            region.completions().add(run.targetGroup);
        }
        if (configs.stream().anyMatch(c -> c.io() != null)) {
            IoSharing io = new IoSharing(region.sim(), region.fleet(), region.storage(), region.hosts(),
                    (volume, arrival, now) -> {
                        int instance = region.storage().volume(volume).instance();
                        owner(runs, instance).ioCompleted(instance, arrival, now);
                    },
                    (instance, arrival, now) -> owner(runs, instance).ioCompleted(instance, arrival, now));
            runs.forEach(r -> r.storage(region.storage(), io));
        }
        return runs;
    }

    /** The service that owns {@code instance}, or null for another workload's instance (a queue worker). */
    private static ServiceRun owner(List<ServiceRun> runs, int instance) {
        for (int i = 0; i < runs.size(); i++) {
            ServiceRun run = runs.get(i);
            if (run.owns(instance)) {
                return run;
            }
        }
        return null;
    }
}
