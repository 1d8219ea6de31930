package org.wwan4j.bench.idle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.process.ChildProcess;
import org.wwan4j.bench.process.ProxyDaemon;
import org.wwan4j.bench.proc.ClockTicks;
import org.wwan4j.bench.proc.ProcStat;
import org.wwan4j.bench.snapshot.OldAgentCalls;

/**
 * The old shell agent's polling, time-compressed. Its real duty over 5 minutes is 15 quick probes (every 20 s),
 * 5 metrics reads (every 60 s) and one full status (every 5 min). That whole 5-minute cycle is run once, with the
 * sleeps shrunk so it fits the measurement window; the work is unchanged, only idle time is cut. CPU is that of the
 * shell plus every qmicli it reaped (cutime/cstime) plus qmi-proxy; divided by 5 it is the CPU per real minute.
 */
public final class PollingLoopIdle implements IdleContender {

    private static final int TICKS_PER_CYCLE = 15;      // 5 min / 20 s
    private static final int METRICS_EVERY_TICKS = 3;   // 60 s / 20 s
    private static final double CYCLE_MINUTES = 5.0;
    private static final String DONE = "cycle-done";

    private final BenchEnvironment environment;

    public PollingLoopIdle(BenchEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "polling";
    }

    /** The loop as a shell script: one compressed 5-minute cycle, every call under `timeout 5` as the agent ran it. */
    static String script(Path device, double tickSleepSeconds) {
        StringBuilder script = new StringBuilder("#!/bin/sh\n");
        script.append("call() { timeout 5 qmicli -p -d '").append(device).append("' --device-open-qmi \"$1\" >/dev/null 2>&1; }\n");
        script.append("tick=1\nwhile [ $tick -le ").append(TICKS_PER_CYCLE).append(" ]; do\n");
        OldAgentCalls.QUICK_PROBE.forEach(action -> script.append("  call ").append(action).append('\n'));
        script.append("  if [ $((tick % ").append(METRICS_EVERY_TICKS).append(")) -eq 0 ]; then\n");
        OldAgentCalls.METRICS.forEach(action -> script.append("    call ").append(action).append('\n'));
        script.append("  fi\n  if [ $tick -eq ").append(TICKS_PER_CYCLE).append(" ]; then\n");
        OldAgentCalls.STATUS.forEach(action -> script.append("    call '").append(action).append("'\n"));
        script.append("  fi\n  sleep ").append(String.format(java.util.Locale.ROOT, "%.2f", tickSleepSeconds))
                .append("\n  tick=$((tick + 1))\ndone\necho ").append(DONE).append('\n');
        // Then wait on stdin, so the shell (whose stat holds the reaped calls' CPU) is still there to be read.
        script.append("read -r _\n");
        return script.toString();
    }

    @Override
    public double cpuMillisPerMinute(Path device, Duration window) throws Exception {
        double tickSleep = window.toMillis() / 1000.0 / TICKS_PER_CYCLE;
        Path script = Files.writeString(environment.scratch().resolve("polling-loop.sh"), script(device, tickSleep));
        try (ProxyDaemon proxy = ProxyDaemon.start("qmi", environment.log("polling-qmi-proxy"))) {
            if (!proxy.ours()) {
                throw new IOException("a qmi-proxy the harness did not start holds the socket: its CPU cannot be "
                        + "attributed (run as root for a private network namespace)");
            }
            long proxyBefore = ProcStat.read(proxy.processGroup()).cpuTicks();
            try (ChildProcess loop = ChildProcess.start(List.of("sh", script.toString()), Map.of(),
                    environment.log("polling-loop"))) {
                // The window ends with the cycle; reading the shell's stat before it exits includes all reaped calls.
                if (loop.awaitLine(DONE::equals, window.multipliedBy(4)) == null) {
                    throw new IOException("polling loop did not finish its cycle, see " + environment.log("polling-loop"));
                }
                long loopTicks = ProcStat.read(loop.pid()).cpuTicksWithReapedChildren();
                long proxyTicks = ProcStat.read(proxy.processGroup()).cpuTicks() - proxyBefore;
                return ClockTicks.toMillis(loopTicks + proxyTicks) / CYCLE_MINUTES;
            }
        }
    }
}
