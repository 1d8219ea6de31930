package org.wwan4j.emulator.qmi;

/** QMI NAS (qmi-service-nas.json). */
final class NasService implements QmiService {

    private final QmiContext context;

    NasService(QmiContext context) {
        this.context = context;
    }

    @Override
    public int id() {
        return QmiServiceId.NAS;
    }

    @Override
    public byte[] handle(int clientId, int messageId, Tlvs request) {
        throw QmiService.unknownMessage(id(), messageId);
    }
}
