package org.wwan4j.bench.memory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.agent.AgentProcess;
import org.wwan4j.bench.proc.SoleJvm;
import org.wwan4j.bench.report.ReportKeys;

/**
 * The standalone agent process (launcher flags) managing 1 or 8 emulated modems, measured once its status lists
 * them all and it has settled. Until the agent command lands (branch agentcore) the CLI refuses and this reports why.
 */
public final class AgentMemory implements MemoryContender {

    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(60);

    private final BenchEnvironment environment;
    private final int modems;

    public AgentMemory(BenchEnvironment environment, int modems) {
        this.environment = environment;
        this.modems = modems;
    }

    @Override
    public String key() {
        return modems == 1 ? ReportKeys.AGENT_PSS_1 : ReportKeys.AGENT_PSS_8;
    }

    @Override
    public long pssKb(List<Path> devices) throws Exception {
        try (AgentProcess agent = AgentProcess.start(environment, devices.subList(0, modems), "agent-memory-" + modems)) {
            if (agent.awaitFirstCompleteStatus(modems, STATUS_TIMEOUT) < 0) {
                throw new IOException("agent wrote no complete status for " + modems + " modems within "
                        + STATUS_TIMEOUT.toSeconds() + " s");
            }
            SteadyState.settleAgent();
            return SoleJvm.of(environment.javaBinary()).pssKb(agent.pid());
        }
    }
}
