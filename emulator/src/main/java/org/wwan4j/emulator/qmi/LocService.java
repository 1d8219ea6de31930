package org.wwan4j.emulator.qmi;

/** QMI LOC (qmi-service-loc.json). */
final class LocService implements QmiService {

    private final QmiContext context;

    LocService(QmiContext context) {
        this.context = context;
    }

    @Override
    public int id() {
        return QmiServiceId.LOC;
    }

    @Override
    public byte[] handle(int clientId, int messageId, Tlvs request) {
        throw QmiService.unknownMessage(id(), messageId);
    }
}
