package org.wwan4j.bench.idle;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.agent.AgentProcess;
import org.wwan4j.bench.proc.ClockTicks;
import org.wwan4j.bench.proc.ProcStat;

/**
 * The agent with indications on and nothing happening, over the real window (no compression: its idle cost is
 * timers and the 60 s safety tick, which a shorter window would under-sample; the window is stated in the report).
 */
public final class AgentIdle implements IdleContender {

    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(60);

    private final BenchEnvironment environment;

    public AgentIdle(BenchEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "agent";
    }

    @Override
    public double cpuMillisPerMinute(Path device, Duration window) throws Exception {
        try (AgentProcess agent = AgentProcess.start(environment, List.of(device), "agent-idle")) {
            if (agent.awaitFirstCompleteStatus(1, STATUS_TIMEOUT) < 0) {
                throw new IOException("agent wrote no complete status within " + STATUS_TIMEOUT.toSeconds() + " s");
            }
            long before = ProcStat.read(agent.pid()).cpuTicks();
            Thread.sleep(window);
            long after = ProcStat.read(agent.pid()).cpuTicks();
            return ClockTicks.toMillis(after - before) * 60_000.0 / window.toMillis();
        }
    }
}
