package org.wwan4j.agent.status;

/** What the modem says it is; any field may be null until read. */
public record Identity(String imei, String manufacturer, String model, String revision) {
}
