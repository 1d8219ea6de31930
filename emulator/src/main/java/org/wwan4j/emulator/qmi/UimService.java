package org.wwan4j.emulator.qmi;

/** QMI UIM (qmi-service-uim.json). */
final class UimService implements QmiService {

    private final QmiContext context;

    UimService(QmiContext context) {
        this.context = context;
    }

    @Override
    public int id() {
        return QmiServiceId.UIM;
    }

    @Override
    public byte[] handle(int clientId, int messageId, Tlvs request) {
        throw QmiService.unknownMessage(id(), messageId);
    }
}
