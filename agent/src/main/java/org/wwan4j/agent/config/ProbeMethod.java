package org.wwan4j.agent.config;

/** How connectivity through a modem is checked; {@code none} disables the probe. */
public enum ProbeMethod implements JsonName {
    ICMP("icmp"),
    TCP("tcp"),
    DNS("dns"),
    NONE("none");

    private final String jsonName;

    ProbeMethod(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }
}
