package org.wwan4j.agent.qmi;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.modem.RequestSupport;
import org.wwan4j.agent.modem.RequestSupport.Path;
import org.wwan4j.agent.status.Signal;
import org.wwan4j.qmi.ClientNas;
import org.wwan4j.qmi.NasSignalStrengthRequest;
import org.wwan4j.qmi.QmiSubscription;

/**
 * Signal over QMI NAS, newest message first. Reads: Get Signal Info, then Get Signal Strength. Indications: Signal
 * Info (Register Indications), then the Event Report (Set Event Report with RSSI, LTE SNR and RSRP deltas), as
 * ModemManager enables them. Older firmware knows only the second of each pair.
 */
final class QmiSignals {

    private static final Logger LOG = LoggerFactory.getLogger(QmiSignals.class);

    static final String GET_SIGNAL_INFO = "NAS Get Signal Info";
    static final String GET_SIGNAL_STRENGTH = "NAS Get Signal Strength";
    static final String REGISTER_SIGNAL_INFO = "NAS Register Indications (signal info)";
    static final String SET_EVENT_REPORT = "NAS Set Event Report (signal strength)";

    /** Event Report thresholds: RSSI and RSRP in dB, SNR in tenths of a dB (ModemManager uses 5 dB for RSSI). */
    private static final int RSSI_DELTA_DB = 5;
    private static final int RSRP_DELTA_DB = 5;
    private static final int SNR_DELTA_TENTHS = 20;

    private final ClientNas nas;
    private final RequestSupport support;
    /** The last full value from Event Reports, which carry only what changed. Touched on the indication thread. */
    private volatile Signal lastReported;

    QmiSignals(ClientNas nas, RequestSupport support) {
        this.nas = nas;
        this.support = support;
    }

    /** The current signal; null when the modem knows neither message. */
    CompletableFuture<Signal> read() {
        return support.firstSupported("signal", List.of(
                new Path<>(GET_SIGNAL_INFO, () -> nas.getSignalInfo().thenApply(QmiSignalInfos::of)),
                new Path<>(GET_SIGNAL_STRENGTH, () -> nas.getSignalStrength(new ClientNas.GetSignalStrengthInput()
                                .requestMask(EnumSet.of(NasSignalStrengthRequest.RSSI, NasSignalStrengthRequest.RSRQ,
                                        NasSignalStrengthRequest.LTE_SNR, NasSignalStrengthRequest.LTE_RSRP)))
                        .thenApply(QmiSignalStrengths::of))));
    }

    /**
     * Subscribes to both indications (a modem sends the one it was asked for), then asks for them newest first.
     * Completes normally either way: without signal indications the safety tick still reads the signal.
     */
    CompletableFuture<Void> subscribe(Consumer<Signal> changed, List<AutoCloseable> subscriptions) {
        QmiSubscription info = nas.onSignalInfo(i -> changed.accept(QmiSignalInfos.of(i)));
        QmiSubscription report = nas.onEventReport(i -> {
            if (QmiSignalStrengths.hasSignal(i)) {
                Signal merged = QmiSignalStrengths.merge(lastReported, i);
                lastReported = merged;
                changed.accept(merged);
            }
        });
        subscriptions.add(info);
        subscriptions.add(report);
        return support.firstSupported("signal indications", List.<Path<Object>>of(
                        new Path<>(REGISTER_SIGNAL_INFO, () -> nas.registerIndications(
                                new ClientNas.RegisterIndicationsInput().signalInfo(true)).thenApply(out -> out)),
                        new Path<>(SET_EVENT_REPORT, () -> nas.setEventReport(new ClientNas.SetEventReportInput()
                                        .rssiIndicator(true, RSSI_DELTA_DB)
                                        .lteRsrpDelta(true, RSRP_DELTA_DB)
                                        .lteSnrDelta(true, SNR_DELTA_TENTHS))
                                .thenApply(out -> out))))
                .handle((ok, failure) -> {
                    if (failure != null) {
                        LOG.info("signal indications not enabled ({}); the safety tick reads the signal",
                                failure.toString());
                    }
                    return null;
                });
    }
}
