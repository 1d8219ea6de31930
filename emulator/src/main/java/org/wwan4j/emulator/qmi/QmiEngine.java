package org.wwan4j.emulator.qmi;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.emulator.engine.EngineContext;
import org.wwan4j.emulator.engine.FrameSink;
import org.wwan4j.emulator.engine.ProtocolEngine;
import org.wwan4j.emulator.fault.Fault;
import org.wwan4j.emulator.model.StateAspect;
import org.wwan4j.emulator.model.StateListener;

/**
 * The QMI side of the emulator: cuts QMUX frames from the client's bytes, routes them to CTL or to the service the
 * client id was allocated on, frames the answers with the result TLV, and turns state changes into indications.
 * Bad input never escapes as an exception: a malformed frame is answered MalformedMessage, an unknown message
 * InvalidQmiCommand, a missing TLV MissingArgument; noise without a frame around it is skipped.
 */
final class QmiEngine implements ProtocolEngine, StateListener, QmiIndications {

    private static final Logger LOG = LoggerFactory.getLogger(QmiEngine.class);

    /** Result TLV: status (u16: 0 success, 1 failure) and error code (u16). */
    static final int RESULT_TLV = 0x02;
    /** A TLV id no libqmi 1.32 message definition uses, for the unknown-TLVs fault. */
    static final int UNKNOWN_TLV = 0xFE;
    private static final int STATUS_SUCCESS = 0;
    private static final int STATUS_FAILURE = 1;

    private final EngineContext engine;
    private final EmulatedClientIds clients;
    private final QmuxDecoder decoder = new QmuxDecoder();
    private final CtlService ctl;
    private final Map<Integer, QmiService> services = new TreeMap<>();
    private final QmiFirmwareRefusals firmware;

    QmiEngine(EngineContext engine, int clientLimitPerService) {
        this.engine = engine;
        this.clients = new EmulatedClientIds(clientLimitPerService);
        this.firmware = new QmiFirmwareRefusals(engine.profile());
        QmiContext context = new QmiContext(engine.state(), engine.faults(), engine.statistics(), clients, this,
                engine.scheduler(), firmware);
        for (QmiService service : List.of(new DmsService(context), new NasService(context), new WdsService(context),
                new UimService(context), new WdaService(context), new LocService(context))) {
            services.put(service.id(), service);
        }
        this.ctl = new CtlService(context, services);
        engine.state().addListener(this);
    }

    @Override
    public synchronized void receive(byte[] data, int length) {
        decoder.append(data, length);
        for (QmuxDecoder.Decoded decoded : decoder.drain()) {
            dispatch(decoded);
        }
    }

    private void dispatch(QmuxDecoder.Decoded decoded) {
        QmuxFrame request = decoded.frame();
        String serviceName = QmiServiceId.name(request.service());
        try {
            answer(decoded, request, serviceName);
        } finally {
            // Counted once handled, so a test that sees the count also sees the request's effect.
            if (request.messageId() >= 0) {
                engine.statistics().requestSeen(serviceName, request.messageId());
            }
        }
    }

    private void answer(QmuxDecoder.Decoded decoded, QmuxFrame request, String serviceName) {
        if (decoded.malformed()) {
            LOG.debug("malformed {} frame, message 0x{}", serviceName, Integer.toHexString(request.messageId()));
            if (request.messageId() >= 0) {
                answerError(request, QmiError.MALFORMED_MESSAGE, new byte[0]);
            }
            return;
        }
        if (isFromModem(request)) {
            LOG.debug("dropped a {} response/indication sent by the client", serviceName);
            return;
        }
        try {
            byte[] tlvs = route(request, Tlvs.parse(request.tlvs()));
            answer(request, STATUS_SUCCESS, QmiError.NONE, tlvs);
        } catch (QmiRequestException e) {
            LOG.debug("{} 0x{}: {}", serviceName, Integer.toHexString(request.messageId()), e.getMessage());
            answerError(request, e.error(), e.extraTlvs());
        } catch (RuntimeException e) {
            LOG.error("{} 0x{} failed", serviceName, Integer.toHexString(request.messageId()), e);
            answerError(request, QmiError.INTERNAL, new byte[0]);
        }
    }

    private static boolean isFromModem(QmuxFrame frame) {
        int modemFlags = frame.isControl()
                ? QmuxFrame.CTL_FLAG_RESPONSE | QmuxFrame.CTL_FLAG_INDICATION
                : QmuxFrame.SERVICE_FLAG_RESPONSE | QmuxFrame.SERVICE_FLAG_INDICATION;
        return (frame.qmiFlags() & modemFlags) != 0;
    }

    private byte[] route(QmuxFrame request, Tlvs tlvs) {
        if (request.isControl()) {
            return ctl.handle(request.clientId(), request.messageId(), tlvs);
        }
        QmiService service = services.get(request.service());
        if (service == null) {
            throw new QmiRequestException(QmiError.INVALID_SERVICE_TYPE,
                    "service " + QmiServiceId.name(request.service()) + " not emulated");
        }
        if (!clients.isAllocated(request.service(), request.clientId())) {
            throw new QmiRequestException(QmiError.INVALID_CLIENT_ID,
                    "client " + request.clientId() + " not allocated on " + QmiServiceId.name(request.service()));
        }
        firmware.check(request.service(), request.messageId(), tlvs);
        return service.handle(request.clientId(), request.messageId(), tlvs);
    }

    private void answerError(QmuxFrame request, int error, byte[] extraTlvs) {
        answer(request, STATUS_FAILURE, error, extraTlvs);
    }

    private void answer(QmuxFrame request, int status, int error, byte[] tlvs) {
        byte[] result = new TlvWriter().tlv(RESULT_TLV).u16(status).u16(error).toBytes();
        engine.sink().sendResponse(request.response(withFaultTlvs(concat(result, tlvs))).encode());
    }

    @Override
    public void send(int service, int clientId, int messageId, byte[] tlvs) {
        engine.sink().sendIndication(QmuxFrame.indication(service, clientId, messageId, withFaultTlvs(tlvs)).encode());
    }

    @Override
    public void sendToAll(int service, int messageId, byte[] tlvs) {
        for (int clientId : clients.clients(service)) {
            send(service, clientId, messageId, tlvs);
        }
    }

    private byte[] withFaultTlvs(byte[] tlvs) {
        if (!engine.faults().isActive(Fault.UNKNOWN_TLVS)) {
            return tlvs;
        }
        return concat(tlvs, new TlvWriter().tlv(UNKNOWN_TLV).u32(0xC0FFEE).u8(7).toBytes());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public void stateChanged(StateAspect aspect) {
        for (QmiService service : services.values()) {
            try {
                service.stateChanged(aspect);
            } catch (RuntimeException e) {
                LOG.warn("{} indication for {} failed", QmiServiceId.name(service.id()), aspect, e);
            }
        }
    }

    @Override
    public synchronized void clientGone() {
        decoder.reset();
    }

    @Override
    public synchronized void reboot() {
        decoder.reset();
        Map<Integer, Set<Integer>> was = clients.releaseAll();
        was.forEach((service, ids) -> ids.forEach(id -> engine.statistics().clientReleased(QmiServiceId.name(service))));
        services.values().forEach(QmiService::reboot);
    }

    @Override
    public void close() {
        engine.state().removeListener(this);
    }
}
