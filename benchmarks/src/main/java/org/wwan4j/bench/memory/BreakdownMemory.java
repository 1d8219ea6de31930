package org.wwan4j.bench.memory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.agent.AgentProcess;
import org.wwan4j.bench.host.HostJvm;

/**
 * The per-component breakdown of the two Java process kinds, each from a process of its own started exactly as the
 * headline one (same flags, same settle) plus native memory tracking: the agent with 1 modem, and the embedded host
 * JVM after opening 1 modem. The headline figures are never taken from these processes, since NMT costs memory of
 * its own (its headers on every malloc, its tables) beyond what it reports about itself.
 */
public final class BreakdownMemory {

    /** The flag the breakdown processes get on top of {@link BenchEnvironment#measuredJvmFlags()}. */
    public static final List<String> TRACKING_FLAGS = List.of("-XX:NativeMemoryTracking=summary");

    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(60);

    private final BenchEnvironment environment;
    private final BenchEnvironment agentEnvironment;

    /** {@code agentEnvironment}: how the standalone agent is run (its own runtime image, see {@link AgentRuntime}). */
    public BreakdownMemory(BenchEnvironment environment, BenchEnvironment agentEnvironment) {
        this.environment = environment;
        this.agentEnvironment = agentEnvironment;
    }

    public JvmMemoryBreakdown agent(Path device) throws Exception {
        try (AgentProcess agent = AgentProcess.start(agentEnvironment, List.of(device), "agent-breakdown",
                TRACKING_FLAGS)) {
            if (agent.awaitFirstCompleteStatus(1, STATUS_TIMEOUT) < 0) {
                throw new IOException("agent wrote no complete status within " + STATUS_TIMEOUT.toSeconds() + " s");
            }
            SteadyState.settleAgent();
            return JvmMemoryBreakdown.read(environment.javaBinary(), agentEnvironment.javaBinary(), agent.pid());
        }
    }

    public JvmMemoryBreakdown embedded(Path device) throws Exception {
        try (HostJvm host = HostJvm.start(environment, "host-jvm-breakdown", TRACKING_FLAGS)) {
            host.call("open " + device, "opened");
            EmbeddedMemory.settle(environment, host);
            return JvmMemoryBreakdown.read(environment.javaBinary(), environment.javaBinary(), host.pid());
        }
    }
}
