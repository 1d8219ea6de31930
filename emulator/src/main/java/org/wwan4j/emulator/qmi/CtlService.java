package org.wwan4j.emulator.qmi;

import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.emulator.fault.Fault;

/**
 * QMI CTL (qmi-service-ctl.json): version info, client-id allocation with a per-service limit, sync. CTL itself has
 * no client ids: every CTL request arrives on client 0.
 */
final class CtlService {

    private static final Logger LOG = LoggerFactory.getLogger(CtlService.class);

    static final int SET_INSTANCE_ID = 0x0020;
    static final int GET_VERSION_INFO = 0x0021;
    static final int ALLOCATE_CID = 0x0022;
    static final int RELEASE_CID = 0x0023;
    static final int SET_DATA_FORMAT = 0x0026;
    static final int SYNC = 0x0027;

    /** Service versions announced in Get Version Info: major, minor. libqmi refuses clients for unlisted services. */
    private static final int[][] VERSIONS = {
            {QmiServiceId.CTL, 1, 5},
            {QmiServiceId.WDS, 1, 67},
            {QmiServiceId.DMS, 1, 14},
            {QmiServiceId.NAS, 1, 25},
            {QmiServiceId.UIM, 1, 46},
            {QmiServiceId.LOC, 2, 0},
            {QmiServiceId.WDA, 1, 16},
    };

    private final QmiContext context;
    private final Map<Integer, QmiService> services;

    CtlService(QmiContext context, Map<Integer, QmiService> services) {
        this.context = context;
        this.services = services;
    }

    byte[] handle(int clientId, int messageId, Tlvs request) {
        return switch (messageId) {
            case GET_VERSION_INFO -> versionInfo();
            case ALLOCATE_CID -> allocate(request);
            case RELEASE_CID -> release(request);
            case SYNC -> sync();
            case SET_DATA_FORMAT -> setDataFormat(request);
            case SET_INSTANCE_ID -> new TlvWriter().tlv(0x01).u16(request.require(0x01).u8()).toBytes();
            default -> throw QmiService.unknownMessage(QmiServiceId.CTL, messageId);
        };
    }

    private static byte[] versionInfo() {
        TlvWriter out = new TlvWriter().tlv(0x01).u8(VERSIONS.length);
        for (int[] version : VERSIONS) {
            out.u8(version[0]).u16(version[1]).u16(version[2]);
        }
        return out.toBytes();
    }

    private byte[] allocate(Tlvs request) {
        int service = request.require(0x01).u8();
        if (!services.containsKey(service)) {
            throw new QmiRequestException(QmiError.INVALID_SERVICE_TYPE,
                    "no such service " + QmiServiceId.name(service));
        }
        int clientId = context.faults().isActive(Fault.CID_EXHAUSTION) ? -1 : context.clients().allocate(service);
        if (clientId < 0) {
            throw new QmiRequestException(QmiError.CLIENT_IDS_EXHAUSTED,
                    "no client ids left on " + QmiServiceId.name(service));
        }
        context.statistics().clientAllocated(QmiServiceId.name(service));
        LOG.debug("allocated {} client {}", QmiServiceId.name(service), clientId);
        return new TlvWriter().tlv(0x01).u8(service).u8(clientId).toBytes();
    }

    private byte[] release(Tlvs request) {
        TlvReader info = request.require(0x01);
        int service = info.u8();
        int clientId = info.u8();
        if (!context.clients().release(service, clientId)) {
            throw new QmiRequestException(QmiError.INVALID_CLIENT_ID,
                    "client " + clientId + " not allocated on " + QmiServiceId.name(service));
        }
        context.statistics().clientReleased(QmiServiceId.name(service));
        QmiService owner = services.get(service);
        if (owner != null) {
            owner.clientReleased(clientId);
        }
        return new TlvWriter().tlv(0x01).u8(service).u8(clientId).toBytes();
    }

    /** Sync: the modem forgets every client id, as after a host driver restart. */
    private byte[] sync() {
        Map<Integer, Set<Integer>> was = context.clients().releaseAll();
        was.forEach((service, ids) -> ids.forEach(id -> {
            context.statistics().clientReleased(QmiServiceId.name(service));
            QmiService owner = services.get(service);
            if (owner != null) {
                owner.clientReleased(id);
            }
        }));
        return new byte[0];
    }

    /** Only the 802.3 link protocol (1) is offered; whatever is asked for, that is what is answered. */
    private static byte[] setDataFormat(Tlvs request) {
        request.require(0x01).u8();
        return new TlvWriter().tlv(0x10).u16(1).toBytes();
    }
}
