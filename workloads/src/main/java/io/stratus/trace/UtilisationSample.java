package io.stratus.trace;

/**
 * One reading of a virtual machine's CPU utilisation: what drives the CPU demand of a VM in a
 * replay. A VM's series is its samples in time order; the utilisation holds from the sample's
 * time until the next sample's.
 */
public interface UtilisationSample extends Timed {

    /** The VM the sample belongs to. */
    String vmId();

    /**
     * The VM's CPU utilisation as a fraction of its provisioned CPU (1.0 = fully busy); may
     * exceed 1 only where the trace itself reports more than 100 %.
     */
    double cpuUtilisation();
}
