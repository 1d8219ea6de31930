package org.wwan4j.emulator.qmi;

/** QMI WDA (qmi-service-wda.json). */
final class WdaService implements QmiService {

    private final QmiContext context;

    WdaService(QmiContext context) {
        this.context = context;
    }

    @Override
    public int id() {
        return QmiServiceId.WDA;
    }

    @Override
    public byte[] handle(int clientId, int messageId, Tlvs request) {
        throw QmiService.unknownMessage(id(), messageId);
    }
}
