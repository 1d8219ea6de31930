package org.wwan4j.agent.qmi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ScanProgress;
import org.wwan4j.agent.status.Provider;
import org.wwan4j.agent.status.ProviderStatus;
import org.wwan4j.glib.FlagSet;
import org.wwan4j.qmi.ClientNas;
import org.wwan4j.qmi.NasNetworkStatus;

/**
 * NAS Network Scan with time-based progress (QMI reports nothing until the scan ends). Each provider's flags give
 * its status and whether using it would be roaming; the PCS-digit list says which MNCs have three digits.
 */
final class QmiProviderScan {

    /** How often progress is reported: well inside the contract's "at least every 10 s". */
    static final Duration PROGRESS_PERIOD = Duration.ofSeconds(2);

    private QmiProviderScan() {
    }

    static CompletableFuture<List<Provider>> run(ClientNas nas, Consumer<ScanProgress> progress) {
        long started = System.nanoTime();
        // One short-lived daemon thread per scan: scans are rare (hourly at most) and must not hold a thread between.
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wwan4j-scan-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> {
            try {
                progress.accept(new ScanProgress(Duration.ofNanos(System.nanoTime() - started), Modem.SCAN_TIMEOUT, 0));
            } catch (RuntimeException ignored) {
                // A failing progress listener must not end the ticker early; the scan goes on.
            }
        }, 0, PROGRESS_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        CompletableFuture<List<Provider>> scan = nas.networkScan(new ClientNas.NetworkScanInput(), Modem.SCAN_TIMEOUT)
                .thenApply(QmiProviderScan::providers);
        scan.whenComplete((ok, failure) -> ticker.shutdownNow());
        return scan;
    }

    static List<Provider> providers(ClientNas.NetworkScanOutput out) {
        List<Provider> providers = new ArrayList<>();
        if (out.networkInformation() == null) {
            return providers;
        }
        for (ClientNas.NetworkScanNetworkInformationElement network : out.networkInformation()) {
            Boolean threeDigits = threeDigitMnc(out, network.mcc(), network.mnc());
            String name = network.description() == null || network.description().isBlank() ? null
                    : network.description();
            providers.add(new Provider(QmiPlmnDigits.mcc(network.mcc()), QmiPlmnDigits.mnc(network.mnc(), threeDigits),
                    name, status(network.networkStatus()), roaming(network.networkStatus())));
        }
        return providers;
    }

    private static Boolean threeDigitMnc(ClientNas.NetworkScanOutput out, Integer mcc, Integer mnc) {
        if (out.mncPcsDigitIncludeStatus() == null) {
            return null;
        }
        for (var pcs : out.mncPcsDigitIncludeStatus()) {
            if (java.util.Objects.equals(pcs.mcc(), mcc) && java.util.Objects.equals(pcs.mnc(), mnc)) {
                return pcs.includesPcsDigit();
            }
        }
        return null;
    }

    private static ProviderStatus status(FlagSet<NasNetworkStatus> flags) {
        if (flags == null) {
            return ProviderStatus.UNKNOWN;
        }
        if (flags.contains(NasNetworkStatus.CURRENT_SERVING)) {
            return ProviderStatus.CURRENT;
        }
        if (flags.contains(NasNetworkStatus.FORBIDDEN)) {
            return ProviderStatus.FORBIDDEN;
        }
        if (flags.contains(NasNetworkStatus.AVAILABLE)) {
            return ProviderStatus.AVAILABLE;
        }
        return ProviderStatus.UNKNOWN;
    }

    private static Boolean roaming(FlagSet<NasNetworkStatus> flags) {
        if (flags == null) {
            return null;
        }
        if (flags.contains(NasNetworkStatus.ROAMING)) {
            return true;
        }
        return flags.contains(NasNetworkStatus.HOME) ? false : null;
    }
}
