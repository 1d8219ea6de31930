package org.wwan4j.agent.config;

/** Control protocol of a modem; {@code auto} means: the one its driver speaks. */
public enum Protocol implements JsonName {
    AUTO("auto"),
    QMI("qmi"),
    MBIM("mbim");

    private final String jsonName;

    Protocol(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }
}
