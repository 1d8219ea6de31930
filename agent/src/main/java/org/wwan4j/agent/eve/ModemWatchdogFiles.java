package org.wwan4j.agent.eve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.daemon.AgentListener;
import org.wwan4j.agent.linux.ConfigMatcher;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.supervisor.Scheduler;

/**
 * mmagent's modem watchdog (EVE's wwan.modem.recovery.watchdog): each configured modem seen at least once is
 * registered with EVE's watchdog ({@code watchdog/file/wwan-modem-<label>.touch}), and its touch file
 * ({@code wwan-modem-<label>.touch}) is refreshed every {@link #TOUCH_PERIOD} while the modem is present. A modem
 * that stays gone stops the touches and the watchdog reboots the device, the last recovery. A label that leaves
 * the config is unregistered. Runs on its own scheduler; the agent's status only hands over who is present.
 */
final class ModemWatchdogFiles implements AgentListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModemWatchdogFiles.class);

    /** mmagent's touch period: well inside the watchdog's limit for these files. */
    static final Duration TOUCH_PERIOD = Duration.ofSeconds(25);

    private final EveRoot root;
    private final Scheduler scheduler;
    // Scheduler thread only.
    private final Set<String> registered = new HashSet<>();
    private Set<String> present = Set.of();
    private Scheduler.Timer timer;
    private boolean closed;

    ModemWatchdogFiles(EveRoot root, Scheduler scheduler) {
        this.root = root;
        this.scheduler = scheduler;
        scheduler.execute(this::tick);
    }

    @Override
    public void statusChanged(AgentStatus status) {
        Set<String> configured = new HashSet<>();
        Set<String> nowPresent = new HashSet<>();
        for (ModemStatus modem : status.modems()) {
            if (modem.name() == null) {
                continue;
            }
            configured.add(modem.name());
            boolean found = !ConfigMatcher.MODEM_NOT_FOUND.equals(modem.configError()) && modem.info() != null;
            if (found) {
                nowPresent.add(modem.name());
            }
        }
        scheduler.execute(() -> update(configured, nowPresent));
    }

    private void update(Set<String> configured, Set<String> nowPresent) {
        if (closed) {
            return;
        }
        for (String label : List.copyOf(registered)) {
            if (!configured.contains(label)) {
                unregister(label);
            }
        }
        for (String label : nowPresent) {
            if (registered.add(label)) {
                touch(root.watchdogRegistration(label));
                touch(root.watchdogTouch(label));
            }
        }
        present = Set.copyOf(nowPresent);
    }

    private void tick() {
        if (closed) {
            return;
        }
        present.forEach(label -> touch(root.watchdogTouch(label)));
        timer = scheduler.schedule(TOUCH_PERIOD, this::tick);
    }

    private void unregister(String label) {
        registered.remove(label);
        delete(root.watchdogRegistration(label));
        delete(root.watchdogTouch(label));
    }

    private static void touch(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.createFile(file);
            }
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            LOG.warn("cannot touch watchdog file {}: {}", file, e.toString());
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot remove watchdog file {}: {}", file, e.toString());
        }
    }

    @Override
    public void close() {
        scheduler.execute(() -> {
            closed = true;
            if (timer != null) {
                timer.cancel();
            }
        });
    }
}
