package org.wwan4j.agent.config;

/** A radio access technology, in the order of a preference list. */
public enum Rat implements JsonName {
    GSM("gsm"),
    UMTS("umts"),
    LTE("lte"),
    NR5G("5gnr");

    private final String jsonName;

    Rat(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }
}
