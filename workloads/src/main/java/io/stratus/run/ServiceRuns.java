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
        region.completions().add((instance, arrival, now) -> owner(runs, instance).completed(instance, arrival, now));
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

    /**
     * The service that owns {@code instance}: a completion is only ever reported for one. With a
     * single service it is that one without a lookup: the region's CPUs and volumes report only
     * the services' instances (a scenario with one service and another owner would already fail
     * here), and the hash lookup was 4.5% of the café's CPU profile (results/speed.md).
     */
    private static ServiceRun owner(List<ServiceRun> runs, int instance) {
        if (runs.size() == 1) {
            return runs.get(0);
        }
        for (int i = 0; i < runs.size(); i++) {
            ServiceRun run = runs.get(i);
            if (run.owns(instance)) {
                return run;
            }
        }
        throw new IllegalStateException("no service owns instance " + instance);
    }
}
