package org.wwan4j.agent.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.config.WatchdogConfig;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.HealthState;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.supervisor.Scheduler;

/**
 * Keeps the watchdog touch file fresh while every modem is healthy enough: refreshes its modification time every
 * interval (creating it when missing), and stops as soon as any modem is stuck, so an external watchdog that checks
 * the file's age (the Linux watchdog daemon's {@code file}/{@code change}, EVE's watchdog) acts: reboots the device,
 * the one recovery left. Touching resumes once no modem is stuck.
 *
 * <p>Runs on its own scheduler thread (file I/O never blocks the agent); fed with the agent's status as a listener
 * and with the config's {@link WatchdogConfig} (null: no file, nothing touched).
 */
public final class WatchdogToucher implements AgentListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WatchdogToucher.class);

    private final Scheduler scheduler;
    // Touched only on the scheduler's thread.
    private WatchdogConfig config;
    private String stuckModem;
    private Scheduler.Timer timer;
    private boolean failing;
    private boolean closed;

    public WatchdogToucher(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** The config's watchdog section (null for none); a new file or interval takes effect at once. */
    public void configure(WatchdogConfig next) {
        scheduler.execute(() -> {
            if (closed || java.util.Objects.equals(next, config)) {
                return;
            }
            config = next;
            cancelTimer();
            if (next != null) {
                LOG.info("touching watchdog file {} every {} s while no modem is stuck", next.file(),
                        next.intervalSeconds());
                touchAndReschedule();
            }
        });
    }

    @Override
    public void statusChanged(AgentStatus status) {
        String stuck = status.modems().stream()
                .filter(m -> m.health() != null && m.health().state() == HealthState.STUCK)
                .map(WatchdogToucher::label).findFirst().orElse(null);
        scheduler.execute(() -> {
            if (java.util.Objects.equals(stuck, stuckModem)) {
                return;
            }
            if (config != null) {
                if (stuck != null) {
                    LOG.warn("modem {} is stuck: no longer touching watchdog file {}", stuck, config.file());
                } else {
                    LOG.info("no modem is stuck: touching watchdog file {} again", config.file());
                }
            }
            boolean wasStuck = stuckModem != null;
            stuckModem = stuck;
            if (wasStuck && stuck == null && config != null) {
                touch(config.file());
            }
        });
    }

    private void touchAndReschedule() {
        WatchdogConfig current = config;
        if (closed || current == null) {
            return;
        }
        if (stuckModem == null) {
            touch(current.file());
        }
        timer = scheduler.schedule(Duration.ofSeconds(current.intervalSeconds()), () -> {
            if (current == config) {
                touchAndReschedule();
            }
        });
    }

    private void touch(Path file) {
        try {
            try {
                Files.setLastModifiedTime(file, FileTime.from(scheduler.now()));
            } catch (NoSuchFileException e) {
                Files.createFile(file);
                Files.setLastModifiedTime(file, FileTime.from(scheduler.now()));
            }
            if (failing) {
                LOG.info("watchdog file {} touched again", file);
                failing = false;
            }
        } catch (IOException e) {
            // Logged once per failing streak, not every interval.
            if (!failing) {
                LOG.warn("cannot touch watchdog file {}: {}", file, e.toString());
                failing = true;
            }
        }
    }

    private static String label(ModemStatus modem) {
        return modem.name() != null ? modem.name() : modem.info() == null ? "?" : modem.info().device();
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    @Override
    public void close() {
        scheduler.execute(() -> {
            closed = true;
            cancelTimer();
        });
        if (scheduler instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing the watchdog scheduler: {}", e.toString());
            }
        }
    }
}
