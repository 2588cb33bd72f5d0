package io.stratus.storage;

/** Told when an I/O request finishes on a volume or an instance store. */
@FunctionalInterface
public interface IoCompletionListener {

    /**
     * @param server      the volume id (EBS) or instance id (instance store)
     * @param arrivalTime when the request was submitted
     * @param now         when it finished
     */
    void completed(int server, long arrivalTime, long now);
}
