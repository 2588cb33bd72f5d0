package io.stratus.storage;

/** The state of an EBS volume: available (detached), in use (attached), or deleted. */
public enum VolumeState {
    AVAILABLE("available"),
    IN_USE("in-use"),
    DELETED("deleted");

    private final String apiName;

    VolumeState(String apiName) {
        this.apiName = apiName;
    }

    /** The name the EC2 API uses. */
    public String apiName() {
        return apiName;
    }
}
