package org.wwan4j.emulator.qmi;

/**
 * QMI WDA (qmi-service-wda.json): the data format of the network interface. The modem remembers what was set (link
 * layer protocol, aggregation) and reports it back; it does not move packets, but tells the state whether the link
 * is raw-IP, which a firmware that requires raw-IP needs before traffic flows ({@code ModemState#dataPathError}).
 */
final class WdaService implements QmiService {

    static final int SET_DATA_FORMAT = 0x0020;
    static final int GET_DATA_FORMAT = 0x0021;

    static final int LINK_LAYER_802_3 = 0x01;
    static final int LINK_LAYER_RAW_IP = 0x02;
    private static final int AGGREGATION_DISABLED = 0x00;
    /** Aggregation limits reported when aggregation is on; typical of QMAP-capable modems. */
    private static final long AGGREGATION_MAX_DATAGRAMS = 32;
    private static final long AGGREGATION_MAX_SIZE = 32_768;

    private final QmiContext context;
    private int linkLayer = LINK_LAYER_802_3;
    private long uplinkAggregation = AGGREGATION_DISABLED;
    private long downlinkAggregation = AGGREGATION_DISABLED;
    private int qosFormat;

    WdaService(QmiContext context) {
        this.context = context;
    }

    @Override
    public int id() {
        return QmiServiceId.WDA;
    }

    @Override
    public synchronized byte[] handle(int clientId, int messageId, Tlvs request) {
        return switch (messageId) {
            case GET_DATA_FORMAT -> format();
            case SET_DATA_FORMAT -> {
                request.get(0x10).ifPresent(r -> qosFormat = r.u8());
                request.get(0x11).ifPresent(r -> {
                    long protocol = r.u32();
                    if (protocol != LINK_LAYER_802_3 && protocol != LINK_LAYER_RAW_IP) {
                        throw new QmiRequestException(QmiError.INVALID_ARGUMENT, "link layer " + protocol);
                    }
                    linkLayer = (int) protocol;
                    context.state().setLinkLayerRawIp(linkLayer == LINK_LAYER_RAW_IP);
                });
                request.get(0x12).ifPresent(r -> uplinkAggregation = r.u32());
                request.get(0x13).ifPresent(r -> downlinkAggregation = r.u32());
                yield format();
            }
            default -> throw QmiService.unknownMessage(id(), messageId);
        };
    }

    private byte[] format() {
        TlvWriter out = new TlvWriter().tlv(0x10).u8(qosFormat).tlv(0x11).u32(linkLayer)
                .tlv(0x12).u32(uplinkAggregation).tlv(0x13).u32(downlinkAggregation);
        if (downlinkAggregation != AGGREGATION_DISABLED) {
            out.tlv(0x15).u32(AGGREGATION_MAX_DATAGRAMS).tlv(0x16).u32(AGGREGATION_MAX_SIZE);
        }
        return out.toBytes();
    }

    @Override
    public synchronized void reboot() {
        linkLayer = LINK_LAYER_802_3;
        uplinkAggregation = AGGREGATION_DISABLED;
        downlinkAggregation = AGGREGATION_DISABLED;
        qosFormat = 0;
        context.state().setLinkLayerRawIp(false);
    }

}
