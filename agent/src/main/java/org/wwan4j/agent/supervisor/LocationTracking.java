package org.wwan4j.agent.supervisor;

import java.time.Duration;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemException;

/** GNSS on one supervisor's modem: started when wanted, stopped when not. Runs on the supervisor's thread. */
final class LocationTracking {

    private final Scheduler scheduler;
    private final ModemStatusBuilder status;
    private final Duration interval;
    private final Runnable publish;
    private Modem running;

    LocationTracking(Scheduler scheduler, ModemStatusBuilder status, Duration interval, Runnable publish) {
        this.scheduler = scheduler;
        this.status = status;
        this.interval = interval;
        this.publish = publish;
    }

    /** Starts or stops tracking on the modem so that it runs exactly when wanted. */
    void update(Modem modem, boolean wanted) {
        if (wanted && modem != null && running != modem) {
            running = modem;
            modem.startLocation(interval).whenCompleteAsync((ignored, failure) -> {
                if (failure != null && running == modem) {
                    running = null;
                    status.event(scheduler.now(), EventKinds.LOCATION, "location start failed: "
                            + ModemException.of(failure).getMessage());
                    publish.run();
                }
            }, scheduler);
        } else if (!wanted) {
            stop();
        }
    }

    void stop() {
        if (running != null) {
            running.stopLocation().exceptionally(failure -> null);
            running = null;
            status.location = null;
        }
    }

    /** The modem was closed: tracking ended with it. */
    void forget() {
        running = null;
    }
}
