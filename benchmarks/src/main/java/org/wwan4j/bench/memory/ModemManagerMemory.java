package org.wwan4j.bench.memory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.report.ReportKeys;

/**
 * PSS of ModemManager + dbus-daemon + qmi-proxy, idle (no modem) or managing the first emulated modem. Managing
 * only counts if MM exported a modem object; otherwise the figure is refused, not reported as if it managed one.
 */
public final class ModemManagerMemory implements MemoryContender {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(45); // MM probes ports for several seconds

    private final BenchEnvironment environment;
    private final boolean withModem;
    private String note;

    public ModemManagerMemory(BenchEnvironment environment, boolean withModem) {
        this.environment = environment;
        this.withModem = withModem;
    }

    @Override
    public String key() {
        return withModem ? ReportKeys.MM_STACK_PSS : ReportKeys.MM_STACK_IDLE_PSS;
    }

    @Override
    public String note() {
        return note;
    }

    @Override
    public long pssKb(List<Path> devices) throws Exception {
        try (ModemManagerStack stack = ModemManagerStack.start(environment, withModem ? devices.get(0) : null)) {
            if (withModem && !stack.awaitModem(PROBE_TIMEOUT)) {
                throw new IOException("ModemManager did not take the emulated modem within " + PROBE_TIMEOUT.toSeconds()
                        + " s (see " + stack.log(true) + ")");
            }
            if (withModem) {
                String refused = stack.enableModem();
                note = refused == null
                        ? "ModemManager managed the emulated modem (fake sysfs + pty in a private mount/net namespace) and enabled it"
                        : "ModemManager managed the emulated modem but did not enable it: " + refused;
            }
            SteadyState.settle();
            return stack.pssKb();
        }
    }
}
