package org.wwan4j.emulator.qmi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.wwan4j.emulator.model.Position;
import org.wwan4j.emulator.model.StateAspect;

/**
 * QMI LOC (qmi-service-loc.json): event registration, start/stop of the positioning session, and Position Report
 * indications. The session belongs to the modem (it keeps running after the starting client goes, until Stop or a
 * reboot); every client that registered for position reports gets one per fix.
 */
final class LocService implements QmiService {

    static final int REGISTER_EVENTS = 0x0021;
    static final int START = 0x0022;
    static final int STOP = 0x0023;
    static final int POSITION_REPORT_INDICATION = 0x0024;

    private static final long EVENT_POSITION_REPORT = 1;
    private static final int SESSION_STATUS_SUCCESS = 0;
    private static final int RELIABILITY_HIGH = 4;
    private static final int TECHNOLOGY_SATELLITE = 1;
    private static final int CONFIDENCE_PERCENT = 68;

    private final QmiContext context;
    private final Map<Integer, Long> events = new ConcurrentHashMap<>();
    private volatile int sessionId;

    LocService(QmiContext context) {
        this.context = context;
    }

    @Override
    public int id() {
        return QmiServiceId.LOC;
    }

    @Override
    public byte[] handle(int clientId, int messageId, Tlvs request) {
        return switch (messageId) {
            case REGISTER_EVENTS -> {
                events.put(clientId, request.require(0x01).u64());
                yield new byte[0];
            }
            case START -> {
                sessionId = request.require(0x01).u8();
                context.state().setLocationActive(true);
                yield new byte[0];
            }
            case STOP -> {
                request.require(0x01).u8();
                context.state().setLocationActive(false);
                yield new byte[0];
            }
            default -> throw QmiService.unknownMessage(id(), messageId);
        };
    }

    @Override
    public void clientReleased(int clientId) {
        events.remove(clientId);
    }

    @Override
    public void reboot() {
        events.clear();
    }

    @Override
    public void stateChanged(StateAspect aspect) {
        if (aspect != StateAspect.LOCATION || !context.state().locationActive()) {
            return;
        }
        byte[] report = positionReport(context.state().position());
        events.forEach((clientId, mask) -> {
            if ((mask & EVENT_POSITION_REPORT) != 0) {
                context.indications().send(id(), clientId, POSITION_REPORT_INDICATION, report);
            }
        });
    }

    private byte[] positionReport(Position p) {
        return new TlvWriter()
                .tlv(0x01).u32(SESSION_STATUS_SUCCESS)
                .tlv(0x02).u8(sessionId)
                .tlv(0x10).f64(p.latitude())
                .tlv(0x11).f64(p.longitude())
                .tlv(0x12).f32((float) p.horizontalUncertainty())
                .tlv(0x16).u8(CONFIDENCE_PERCENT)
                .tlv(0x17).u32(RELIABILITY_HIGH)
                .tlv(0x1A).f32((float) p.altitude())
                .tlv(0x1C).f32((float) p.verticalUncertainty())
                .tlv(0x23).u32(TECHNOLOGY_SATELLITE)
                .tlv(0x25).u64(p.utc().toEpochMilli())
                .toBytes();
    }
}
