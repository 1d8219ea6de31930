package org.wwan4j.emulator.model;

import java.util.Set;

/** Who the modem says it is, and what it can do. */
public record EmulatedIdentity(String imei, String manufacturer, String model, String revision, String hardwareRevision,
                       String serialNumber, Set<EmulatedRat> supportedRats, long maxTxKbps, long maxRxKbps) {
}
