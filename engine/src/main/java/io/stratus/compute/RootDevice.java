package io.stratus.compute;

/** Where an AMI's root device lives: an EBS volume or the instance store. */
public enum RootDevice {
    EBS("ebs"),
    INSTANCE_STORE("instance-store");

    private final String apiName;

    RootDevice(String apiName) {
        this.apiName = apiName;
    }

    /** The name the EC2 API and scenario files use. */
    public String apiName() {
        return apiName;
    }
}
