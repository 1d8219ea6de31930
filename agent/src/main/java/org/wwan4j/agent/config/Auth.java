package org.wwan4j.agent.config;

/** Authentication protocol for a bearer. */
public enum Auth implements JsonName {
    NONE("none"),
    PAP("pap"),
    CHAP("chap"),
    PAP_AND_CHAP("pap-and-chap");

    private final String jsonName;

    Auth(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }
}
