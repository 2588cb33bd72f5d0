package io.stratus.network;

/** IP protocols a security group rule names; {@link #ALL} matches every protocol and port. */
public enum Protocol {
    TCP("tcp"),
    UDP("udp"),
    ICMP("icmp"),
    ALL("-1");

    private final String apiName;

    Protocol(String apiName) {
        this.apiName = apiName;
    }

    /** The name the EC2 API uses ({@code -1} for all). */
    public String apiName() {
        return apiName;
    }
}
