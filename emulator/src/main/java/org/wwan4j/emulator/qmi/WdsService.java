package org.wwan4j.emulator.qmi;

/** QMI WDS (qmi-service-wds.json). */
final class WdsService implements QmiService {

    private final QmiContext context;

    WdsService(QmiContext context) {
        this.context = context;
    }

    @Override
    public int id() {
        return QmiServiceId.WDS;
    }

    @Override
    public byte[] handle(int clientId, int messageId, Tlvs request) {
        throw QmiService.unknownMessage(id(), messageId);
    }
}
