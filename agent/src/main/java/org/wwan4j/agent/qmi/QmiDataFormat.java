package org.wwan4j.agent.qmi;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.modem.KernelDataFormat;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.RequestSupport;
import org.wwan4j.agent.status.DataFormat;
import org.wwan4j.glib.EnumValue;
import org.wwan4j.qmi.ClientWda;
import org.wwan4j.qmi.QmiDevice;
import org.wwan4j.qmi.WdaDataAggregationProtocol;
import org.wwan4j.qmi.WdaLinkLayerProtocol;

/**
 * Agrees the data format with the modem (WDA) and the kernel (qmi_wwan's raw_ip switch) before Start Network, as a
 * qmi_wwan modem needs: a modem framing raw IP to a driver expecting 802.3 (or the reverse) says "connected" and
 * passes no traffic.
 *
 * <ol>
 * <li>What to ask for: the format the vendor table says the model needs; else what the host can take, raw-IP when
 *     the kernel driver has the switch (or no kernel side is known), else 802.3. A model that needs raw-IP on a
 *     driver without the switch fails here, naming both.
 * <li>WDA Get Data Format; unless the modem already frames that way with aggregation (QMAP) off, WDA Set Data
 *     Format with that link layer, QMAP off both ways. A firmware without WDA's data format messages is taken to
 *     frame 802.3, which older firmware does (reported once as a capability event).
 * <li>The kernel switched to what the modem frames, if it differs (the kernel refuses while the interface is up).
 * <li>Both read back: if they still differ, the connect fails with the two formats named; a bearer that cannot
 *     pass traffic is never reported up.
 * </ol>
 * The WDA client is allocated at the first negotiation (most runs need it once per port) and kept.
 */
final class QmiDataFormat {

    private static final Logger LOG = LoggerFactory.getLogger(QmiDataFormat.class);
    static final String GET = "WDA Get Data Format";
    static final String SET = "WDA Set Data Format";
    /** The field the capability event names when the modem has no WDA data format messages. */
    static final String FIELD = "data format (the modem keeps 802.3)";

    private final QmiDevice device;
    private final RequestSupport support;
    private CompletableFuture<ClientWda> wda;

    QmiDataFormat(QmiDevice device, RequestSupport support) {
        this.device = device;
        this.support = support;
    }

    /**
     * Negotiates as described in the class comment.
     *
     * @param kernel     the interface's framing switch, or null when no kernel side is known (the modem is asked
     *                   raw-IP and taken at its word)
     * @param modelNeeds the format the modem model must be asked for (vendor table), or null
     * @return the format both ends use
     */
    CompletableFuture<DataFormat> negotiate(KernelDataFormat kernel, DataFormat modelNeeds) {
        boolean hostRawIp = kernel == null || kernel.supportsRawIp();
        if (modelNeeds == DataFormat.RAW_IP && !hostRawIp) {
            return CompletableFuture.failedFuture(mismatch(modelNeeds, kernel,
                    "the kernel driver frames 802.3 only (no qmi/raw_ip switch)"));
        }
        DataFormat wanted = modelNeeds != null ? modelNeeds : hostRawIp ? DataFormat.RAW_IP : DataFormat.ETHERNET;
        return modemFormat().thenCompose(current -> {
            if (current == null) {
                return CompletableFuture.completedFuture(DataFormat.ETHERNET);
            }
            if (current.format() == wanted && !current.aggregated()) {
                return CompletableFuture.completedFuture(wanted);
            }
            return setModemFormat(wanted, current.format());
        }).thenApply(modem -> agreeWithKernel(modem, kernel));
    }

    /**
     * For a call found up (adoption): what modem and kernel use now, changing nothing; fails when they differ.
     */
    CompletableFuture<DataFormat> current(KernelDataFormat kernel) {
        return modemFormat().thenApply(current -> {
            DataFormat modem = current == null ? DataFormat.ETHERNET : current.format();
            checkKernel(modem, kernel);
            return modem;
        });
    }

    /** The modem's link layer and whether aggregation is on; null when the firmware has no WDA data format. */
    private CompletableFuture<ModemFormat> modemFormat() {
        return support.optional(FIELD, GET, () -> client().thenCompose(ClientWda::getDataFormat)
                .thenApply(out -> new ModemFormat(format(out.linkLayerProtocol()),
                        aggregated(out.uplinkDataAggregationProtocol())
                                || aggregated(out.downlinkDataAggregationProtocol()))));
    }

    private CompletableFuture<DataFormat> setModemFormat(DataFormat wanted, DataFormat before) {
        ClientWda.SetDataFormatInput input = new ClientWda.SetDataFormatInput()
                .linkLayerProtocol(wanted == DataFormat.RAW_IP ? WdaLinkLayerProtocol.RAW_IP
                        : WdaLinkLayerProtocol._802_3)
                .uplinkDataAggregationProtocol(WdaDataAggregationProtocol.DISABLED)
                .downlinkDataAggregationProtocol(WdaDataAggregationProtocol.DISABLED)
                .qosFormat(false);
        return support.ask(SET, () -> client().thenCompose(c -> c.setDataFormat(input)))
                .thenApply(out -> {
                    DataFormat now = format(out.linkLayerProtocol());
                    // A modem that answers without the TLV took what was asked.
                    return now == null ? wanted : now;
                })
                .exceptionally(failure -> {
                    ModemException e = ModemException.of(failure);
                    if (e.kind() != ModemException.Kind.UNSUPPORTED) {
                        throw e;
                    }
                    LOG.info("{}: {} refused; the modem keeps {}: {}", device.path(), SET, before.jsonName(),
                            e.getMessage());
                    return before;
                });
    }

    /** Switches the kernel to the modem's format if needed, then checks that both agree. */
    private DataFormat agreeWithKernel(DataFormat modem, KernelDataFormat kernel) {
        if (kernel == null) {
            return modem;
        }
        try {
            if (kernel.current() != modem) {
                LOG.info("{}: setting {} to {} to match the modem", device.path(), kernel, modem.jsonName());
                kernel.set(modem);
            }
        } catch (IOException e) {
            throw mismatch(modem, kernel, e.getMessage());
        }
        checkKernel(modem, kernel);
        return modem;
    }

    private void checkKernel(DataFormat modem, KernelDataFormat kernel) {
        if (kernel == null) {
            return;
        }
        DataFormat host;
        try {
            host = kernel.current();
        } catch (IOException e) {
            throw mismatch(modem, kernel, "cannot read the kernel's: " + e.getMessage());
        }
        if (host != modem) {
            throw mismatch(modem, kernel, "the kernel frames " + host.jsonName());
        }
    }

    private static ModemException mismatch(DataFormat modem, KernelDataFormat kernel, String detail) {
        return new ModemException(ModemException.Kind.REJECTED, "data format mismatch on " + kernel.interfaceName()
                + ": the modem frames " + modem.jsonName() + ", " + detail + "; no traffic would pass");
    }

    private synchronized CompletableFuture<ClientWda> client() {
        if (wda == null || wda.isCompletedExceptionally()) {
            wda = device.wda();
        }
        return wda;
    }

    private static DataFormat format(EnumValue<WdaLinkLayerProtocol> protocol) {
        if (protocol == null || protocol.constant() == null) {
            return null;
        }
        return switch (protocol.constant()) {
            case RAW_IP -> DataFormat.RAW_IP;
            case _802_3 -> DataFormat.ETHERNET;
            default -> null;
        };
    }

    private static boolean aggregated(EnumValue<WdaDataAggregationProtocol> protocol) {
        return protocol != null && protocol.constant() != WdaDataAggregationProtocol.DISABLED;
    }

    /** @param format null when the modem did not say (taken as 802.3, the power-up default) */
    private record ModemFormat(DataFormat format, boolean aggregated) {
        ModemFormat {
            format = format == null ? DataFormat.ETHERNET : format;
        }
    }
}
