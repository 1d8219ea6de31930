package org.wwan4j.agent.status;

/**
 * What the modem says it is; any field may be null until read, or when the modem cannot tell.
 *
 * @param revision         the firmware revision
 * @param hardwareRevision the hardware revision (QMI DMS Get Hardware Revision, MBIM Device Caps' hardware info)
 */
public record Identity(String imei, String manufacturer, String model, String revision, String hardwareRevision) {

    /** Without a hardware revision. */
    public Identity(String imei, String manufacturer, String model, String revision) {
        this(imei, manufacturer, model, revision, null);
    }
}
