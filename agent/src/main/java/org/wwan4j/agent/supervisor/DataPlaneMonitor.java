package org.wwan4j.agent.supervisor;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.wwan4j.agent.config.ProbeMethod;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.status.Counters;

/**
 * Watches the data plane of a connected modem: reads the packet counters every {@code countersPeriod} (which
 * also proves the modem still answers), runs the connectivity probe every {@code probe.intervalSeconds}, and tells
 * a stalled data plane from a quiet one ({@link StallDetector}).
 *
 * <p>A failed probe reconnects once; if the probe fails again the error stays and the next interval tries again.
 * A stall (probe failing and receive counters still for {@code recovery.stallSeconds}) goes to the recovery ladder
 * instead. Data seen flowing (counters advancing, a probe succeeding) ends a data-plane recovery.
 *
 * <p>Runs only while connected: {@link #start()} on entering it, {@link #stop()} on leaving. Owned by the
 * supervisor's thread.
 */
final class DataPlaneMonitor {

    private final Scheduler scheduler;
    private final ModemStatusBuilder status;
    private final Duration countersPeriod;
    private final Lifecycle lifecycle;
    private final ModemSession session;
    private final BearerIp bearer;
    private final ProbeRunner prober;
    private final RecoveryRunner recovery;
    private final Supplier<Desired> desired;
    private final Consumer<String> reconnect;
    private final Runnable publish;
    private final StallDetector stall = new StallDetector();

    private Scheduler.Timer countersTimer;
    private Scheduler.Timer probeTimer;
    private Scheduler.Timer stallTimer;
    /** The last failed probe already reconnected once: the next failure only keeps the error. */
    private boolean reconnectedForProbe;

    /** @param reconnect takes the bearer down and brings it up again, saying why */
    DataPlaneMonitor(Scheduler scheduler, ModemStatusBuilder status, Duration countersPeriod, Lifecycle lifecycle,
            ModemSession session, BearerIp bearer, ProbeRunner prober, RecoveryRunner recovery,
            Supplier<Desired> desired, Consumer<String> reconnect, Runnable publish) {
        this.scheduler = scheduler;
        this.status = status;
        this.countersPeriod = countersPeriod;
        this.lifecycle = lifecycle;
        this.session = session;
        this.bearer = bearer;
        this.prober = prober;
        this.recovery = recovery;
        this.desired = desired;
        this.reconnect = reconnect;
        this.publish = publish;
    }

    /** Connected: a new data session to watch, from a first counters read. */
    void start() {
        stall.reset();
        readCounters();
        cancel(countersTimer);
        countersTimer = every(countersPeriod, this::readCounters);
        // While a data-plane recovery runs, prove the data path at once rather than at the next interval.
        scheduleProbe(reconnectedForProbe || recovery.active() ? Duration.ZERO : probeInterval());
    }

    /** Left connected (or closing): no more reads, probes or stall checks. */
    void stop() {
        cancel(countersTimer);
        cancel(probeTimer);
        cancel(stallTimer);
        countersTimer = null;
        probeTimer = null;
        stallTimer = null;
    }

    /** The probe's config changed: the next probe follows the new interval (only while connected, as ever). */
    void probeSettingsChanged() {
        if (lifecycle.state() == SupervisorState.CONNECTED) {
            scheduleProbe(probeInterval());
        }
    }

    // ---------------------------------------------------------------- counters and stalls

    private void readCounters() {
        Modem modem = session.modem();
        if (modem != null && lifecycle.state() == SupervisorState.CONNECTED) {
            session.quietly(modem.counters(), counters -> {
                status.counters = counters;
                countersRead(counters);
            });
        }
    }

    private void countersRead(Counters counters) {
        if (lifecycle.state() != SupervisorState.CONNECTED) {
            return;
        }
        boolean flowing = stall.counters(scheduler.now(), counters);
        Desired wanted = desired.get();
        boolean unobservable = !stall.countersKnown()
                && wanted.managed() && wanted.config().probe().method() == ProbeMethod.NONE;
        if (flowing || unobservable) {
            // Without counters or a probe nothing can show data flowing: reaching connected has to do.
            recovery.recovered(RecoveryLadder.Evidence.DATA_FLOWS);
        }
        checkStall();
    }

    /**
     * Enters recovery when the data plane stalled (and says so), else plans the counters read that could show it.
     */
    private boolean checkStall() {
        cancel(stallTimer);
        stallTimer = null;
        Desired wanted = desired.get();
        if (lifecycle.state() != SupervisorState.CONNECTED || !wanted.managed()) {
            return false;
        }
        Duration window = Duration.ofSeconds(wanted.config().recovery().stallSeconds());
        Instant now = scheduler.now();
        if (stall.stalled(now, window)) {
            recovery.escalate(RecoveryLadder.Trouble.DATA_PLANE, "data plane stalled: probe failing and receive "
                    + "counters unchanged for " + window.toSeconds() + " s");
            return true;
        }
        Duration until = stall.untilStalled(now, window);
        if (until != null) {
            long stallEpoch = lifecycle.epoch();
            stallTimer = scheduler.schedule(until, () -> {
                if (lifecycle.isCurrent(stallEpoch) && !lifecycle.closed()) {
                    readCounters();
                }
            });
        }
        return false;
    }

    // ---------------------------------------------------------------- connectivity probe

    private Duration probeInterval() {
        return Duration.ofSeconds(desired.get().config().probe().intervalSeconds());
    }

    private void scheduleProbe(Duration delay) {
        cancel(probeTimer);
        Desired wanted = desired.get();
        if (!wanted.managed() || wanted.radioSilence()) {
            return;
        }
        long probeEpoch = lifecycle.epoch();
        probeTimer = scheduler.schedule(delay, () -> {
            if (lifecycle.isCurrent(probeEpoch) && lifecycle.state() == SupervisorState.CONNECTED) {
                runProbe();
            }
        });
    }

    private void runProbe() {
        long probeEpoch = lifecycle.epoch();
        prober.probe(bearer.appliedInterface(), bearer.settings(), desired.get().config().probe())
                .whenCompleteAsync((result, failure) -> {
                    if (!lifecycle.isCurrent(probeEpoch) || lifecycle.closed()) {
                        return;
                    }
                    probed(failure != null ? Optional.of(String.valueOf(failure)) : result);
                    publish.run();
                }, scheduler);
    }

    private void probed(Optional<String> error) {
        stall.probe(error.isEmpty());
        if (error.isEmpty()) {
            status.probeError = null;
            reconnectedForProbe = false;
            recovery.recovered(RecoveryLadder.Evidence.DATA_FLOWS);
            scheduleProbe(probeInterval());
        } else if (checkStall()) {
            // Counters stood still long enough already: a stall, for the ladder rather than one reconnect.
            status.probeError = error.get();
        } else if (recovery.active()) {
            // The ladder is at work: no extra reconnect; the stall detector decides whether to escalate.
            status.probeError = error.get();
            scheduleProbe(probeInterval());
        } else if (!reconnectedForProbe) {
            status.probeError = error.get();
            status.event(scheduler.now(), EventKinds.PROBE, "probe failed: " + error.get() + "; reconnecting once");
            reconnectedForProbe = true;
            reconnect.accept("connectivity probe failed");
        } else {
            // Reconnecting did not help: keep the error, try again at the next interval.
            status.probeError = error.get();
            reconnectedForProbe = false;
            scheduleProbe(probeInterval());
            checkStall();
        }
    }

    /** A repeating timer whose every run is followed by a status publish. */
    private Scheduler.Timer every(Duration period, Runnable task) {
        Scheduler.Timer[] holder = new Scheduler.Timer[1];
        Runnable[] repeat = new Runnable[1];
        repeat[0] = () -> {
            task.run();
            publish.run();
            holder[0] = scheduler.schedule(period, repeat[0]);
        };
        holder[0] = scheduler.schedule(period, repeat[0]);
        return () -> holder[0].cancel();
    }

    private static void cancel(Scheduler.Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
