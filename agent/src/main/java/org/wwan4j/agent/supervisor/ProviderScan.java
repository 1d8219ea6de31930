package org.wwan4j.agent.supervisor;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ScanProgress;

/**
 * The hourly visible-provider scan of one supervisor. Runs on the supervisor's thread; a scan is only started
 * when {@code mayScan} says so (the connected steady state: modems serve little else while scanning).
 */
final class ProviderScan {

    private final Scheduler scheduler;
    private final ModemStatusBuilder status;
    private final Duration period;
    private final Supplier<Modem> currentModem;
    private final BooleanSupplier enabled;
    private final BooleanSupplier mayScan;
    private final Consumer<ScanProgress> progress;
    private final Runnable publish;
    private Scheduler.Timer timer;
    private boolean scanning;

    ProviderScan(Scheduler scheduler, ModemStatusBuilder status, Duration period, Supplier<Modem> currentModem,
            BooleanSupplier enabled, BooleanSupplier mayScan, Consumer<ScanProgress> progress, Runnable publish) {
        this.scheduler = scheduler;
        this.status = status;
        this.period = period;
        this.currentModem = currentModem;
        this.enabled = enabled;
        this.mayScan = mayScan;
        this.progress = progress;
        this.publish = publish;
    }

    /** Plans the next scan after the delay (none when disabled, or while one runs: it replans itself). */
    void plan(Duration delay) {
        cancel();
        if (enabled.getAsBoolean() && !scanning) {
            timer = scheduler.schedule(delay, this::run);
        }
    }

    /** The option was switched off: the list is dropped, as the reference agent does. */
    void disabled() {
        cancel();
        status.providers = List.of();
    }

    void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void run() {
        Modem scanned = currentModem.get();
        if (scanned == null || scanning || !mayScan.getAsBoolean()) {
            return;
        }
        scanning = true;
        status.event(scheduler.now(), EventKinds.SCAN, "provider scan started");
        publish.run();
        scanned.scanProviders(p -> scheduler.execute(() -> progress.accept(p)))
                .whenCompleteAsync((providers, failure) -> {
                    scanning = false;
                    if (scanned != currentModem.get()) {
                        return;
                    }
                    if (failure == null && enabled.getAsBoolean()) {
                        status.providers = providers;
                        status.event(scheduler.now(), EventKinds.SCAN, providers.size() + " providers visible");
                    } else if (failure != null) {
                        status.event(scheduler.now(), EventKinds.SCAN, "scan failed: "
                                + ModemException.of(failure).getMessage());
                    }
                    plan(period);
                    publish.run();
                }, scheduler);
    }
}
