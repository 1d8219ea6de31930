package org.wwan4j.emulator.script;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.emulator.EmulatedModem;

/**
 * A JSON timeline of state changes and faults, played against a running modem:
 *
 * <pre>{@code
 * {"steps": [
 *   {"at": 1000, "signal": {"rssi": -80, "rsrq": -12, "rsrp": -105, "snr": 4.5}},
 *   {"at": 2000, "registration": {"state": "roaming", "mcc": "208", "mnc": "01", "operator": "Emu Roam", "rats": ["lte"]}},
 *   {"at": 3000, "fault": "network-loss"},
 *   {"at": 6000, "clear": "network-loss"}
 * ]}
 * }</pre>
 *
 * {@code at} is milliseconds from the start. Each step has exactly one action; see {@link ScriptStep} for all of them.
 * Unknown keys are an error that names them, so a typo does not silently do nothing.
 */
public final class TimelineScript {

    private static final Logger LOG = LoggerFactory.getLogger(TimelineScript.class);

    private final List<ScriptStep> steps;

    private TimelineScript(List<ScriptStep> steps) {
        this.steps = steps;
    }

    public static TimelineScript load(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    public static TimelineScript parse(String json) throws IOException {
        Map<String, Object> root = JSON.std.mapFrom(json);
        for (String key : root.keySet()) {
            if (!key.equals("steps")) {
                throw new IllegalArgumentException("unknown key '" + key + "' in script (expected: steps)");
            }
        }
        Object rawSteps = root.get("steps");
        if (!(rawSteps instanceof List<?> list)) {
            throw new IllegalArgumentException("script needs a \"steps\" array");
        }
        List<ScriptStep> steps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> step)) {
                throw new IllegalArgumentException("step " + i + " is not an object");
            }
            steps.add(ScriptStep.parse(i, step));
        }
        steps.sort(Comparator.comparingLong(ScriptStep::atMillis));
        return new TimelineScript(List.copyOf(steps));
    }

    public List<ScriptStep> steps() {
        return steps;
    }

    /** Plays the steps on their own daemon thread; close the returned handle to stop early. */
    public AutoCloseable play(EmulatedModem modem) {
        ScheduledExecutorService player = Executors.newSingleThreadScheduledExecutor(runnable ->
                Thread.ofPlatform().daemon().name("wwan4j-emulator-script").unstarted(runnable));
        for (ScriptStep step : steps) {
            player.schedule(() -> {
                try {
                    LOG.info("script step at {} ms: {}", step.atMillis(), step.description());
                    step.apply(modem);
                } catch (RuntimeException e) {
                    LOG.warn("script step '{}' failed", step.description(), e);
                }
            }, step.atMillis(), TimeUnit.MILLISECONDS);
        }
        return player::shutdownNow;
    }
}
