package org.wwan4j.emulator.qmi;

import org.wwan4j.emulator.model.StateAspect;

/**
 * One QMI service of the emulated modem, like one {@code qmi-service-*.json} of libqmi. Each message is built from
 * that service's own definitions (TLV ids and layouts differ between a response and the matching indication).
 */
interface QmiService {

    /** The QMI service number. */
    int id();

    /**
     * Answers one request: returns the answer's TLVs other than the result TLV, or throws {@link QmiRequestException}
     * for an error answer. Unknown message ids throw with InvalidQmiCommand.
     */
    byte[] handle(int clientId, int messageId, Tlvs request);

    /** The modem state changed: send whatever indications this service sends for it. */
    default void stateChanged(StateAspect aspect) {
    }

    /** The client released its id (or the modem forgot it): drop what it owned. */
    default void clientReleased(int clientId) {
    }

    /** The modem rebooted: forget per-client registrations and sessions. */
    default void reboot() {
    }

    static QmiRequestException unknownMessage(int service, int messageId) {
        return new QmiRequestException(QmiError.INVALID_QMI_COMMAND,
                String.format("%s message 0x%04X not implemented", QmiServiceId.name(service), messageId));
    }
}
