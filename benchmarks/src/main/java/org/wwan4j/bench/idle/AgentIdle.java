package org.wwan4j.bench.idle;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.agent.AgentProcess;
import org.wwan4j.bench.proc.ClockTicks;
import org.wwan4j.bench.proc.ProcStat;
import org.wwan4j.bench.proc.ThreadActivity;

/**
 * The agent with indications on and nothing happening, over the real window (no compression: its idle cost is
 * timers and the 60 s safety tick, which a shorter window would under-sample; the window is stated in the report),
 * after a settling pause. A note names the threads that ran or woke in the window.
 */
public final class AgentIdle implements IdleContender {

    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(60);
    /**
     * Between the first complete status and the window: what follows a connect (the first provider scan with its
     * progress reports, counters, C1 compiling the paths just used, the one memory trim once the agent is quiet) is
     * start-up work, not idle cost.
     */
    private static final Duration SETTLE = org.wwan4j.agent.daemon.QuietTimeTrimmer.QUIET.plus(Duration.ofSeconds(5));
    private static final int THREADS_NOTED = 12;

    private final BenchEnvironment environment;
    private String threads;

    public AgentIdle(BenchEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "agent";
    }

    /** What woke the agent in the last window, busiest thread first; null before a measurement. */
    @Override
    public String note() {
        return threads == null ? null : "agent idle, per thread over the window: " + threads;
    }

    @Override
    public double cpuMillisPerMinute(Path device, Duration window) throws Exception {
        try (AgentProcess agent = AgentProcess.start(environment, List.of(device), "agent-idle")) {
            if (agent.awaitFirstCompleteStatus(1, STATUS_TIMEOUT) < 0) {
                throw new IOException("agent wrote no complete status within " + STATUS_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(SETTLE);
            Map<Long, ThreadActivity.Counters> threadsBefore = ThreadActivity.snapshot(agent.pid());
            long before = ProcStat.read(agent.pid()).cpuTicks();
            Thread.sleep(window);
            long after = ProcStat.read(agent.pid()).cpuTicks();
            threads = ThreadActivity.describe(
                    ThreadActivity.between(threadsBefore, ThreadActivity.snapshot(agent.pid())), THREADS_NOTED);
            return ClockTicks.toMillis(after - before) * 60_000.0 / window.toMillis();
        }
    }
}
