package io.stratus.pricing;

/** What a {@link Charge} pays for, the groups a bill's summary shows its charges in. */
public enum ChargeKind {
    LOAD_BALANCER("load balancers"),
    DATA_TRANSFER("data transfer"),
    PUBLIC_IPV4("public IPv4"),
    NAT_GATEWAY("NAT gateways"),
    CLOUDWATCH("CloudWatch"),
    SQS("SQS"),
    SNS("SNS"),
    SNAPSHOTS("EBS snapshots"),
    LAMBDA("Lambda"),
    FARGATE("Fargate");

    private final String label;

    ChargeKind(String label) {
        this.label = label;
    }

    /** The name used in reports. */
    public String label() {
        return label;
    }
}
