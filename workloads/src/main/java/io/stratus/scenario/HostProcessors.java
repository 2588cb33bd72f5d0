package io.stratus.scenario;

import io.stratus.compute.InstanceType;
import io.stratus.compute.PerformanceCatalog;
import io.stratus.compute.ProcessorFamily;
import io.stratus.infra.HostSpec;

/**
 * The scenario rule that an instance type runs only on hosts of its own processor family (a c7g
 * on Graviton3 hosts, an m5 on Xeon Scalable 1st/2nd gen hosts: as on EC2, where a type fixes its
 * processor). {@code region.hosts.allow-any-family: true} lifts it, for what-if runs.
 */
final class HostProcessors {

    private HostProcessors() {
    }

    /** Whether {@code type} may run on {@code host}; if not, reports why at the launch's {@code type}. */
    static boolean sameProcessor(ConfigNode launch, InstanceType type, HostSpec host) {
        PerformanceCatalog perf = PerformanceCatalog.bundled();
        ProcessorFamily typeProcessor = perf.processorOfFamily(type.family());
        ProcessorFamily hostProcessor = perf.processorOfFamily(host.family());
        if (typeProcessor == hostProcessor) {
            return true;
        }
        launch.problem("type", type.name() + " runs on " + typeProcessor.description() + ", but the region's "
                + host.family() + " hosts have " + hostProcessor.description() + "; choose a type of that processor, "
                + "set region.hosts.family to " + type.family() + ", or set region.hosts.allow-any-family: true");
        return false;
    }
}
