package org.wwan4j.examples;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.wwan4j.qmi.ClientNas;
import org.wwan4j.qmi.QmiDevice;
import org.wwan4j.qmi.QmiSubscription;

/** docs/embedding.md, "An indication listener": the text between the snippet markers is quoted there verbatim. */
public final class IndicationExample {

    private IndicationExample() {
    }

    /** Waits for the next LTE signal report the modem sends and returns its RSSI in dBm. */
    public static int nextLteRssi(QmiDevice device, Duration wait) throws Exception {
        // snippet:start
        CompletableFuture<Integer> rssi = new CompletableFuture<>();
        try (ClientNas nas = device.nas().join();
             // The listener runs off the GLib thread, one indication at a time, in the modem's order.
             QmiSubscription signal = nas.onSignalInfo(indication -> {
                 ClientNas.SignalInfoIndication.LteSignalStrengthTlv lte = indication.lteSignalStrength();
                 if (lte != null) {
                     rssi.complete(lte.rssi());
                 }
             })) {
            // Subscribe first, then ask the modem to send: no report is lost in between.
            nas.registerIndications(new ClientNas.RegisterIndicationsInput().signalInfo(true)).join();
            return rssi.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } // closing the subscription disconnects the listener
        // snippet:end
    }
}
