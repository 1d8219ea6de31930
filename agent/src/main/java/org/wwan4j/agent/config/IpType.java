package org.wwan4j.agent.config;

/** IP family requested for a bearer. */
public enum IpType implements JsonName {
    IPV4("ipv4"),
    IPV6("ipv6"),
    IPV4V6("ipv4v6");

    private final String jsonName;

    IpType(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }
}
