package org.wwan4j.bench;

import java.nio.file.Path;
import java.util.List;
import org.wwan4j.bench.agent.AgentProcess;
import org.wwan4j.emulator.EmulatedModem;

/**
 * What every section of a run shares: where things are, how much to do, and the emulated modems (served from this
 * JVM, so every client the harness spawns shares their devpts instance).
 */
public record BenchContext(BenchEnvironment environment, BenchPlan plan, List<EmulatedModem> qmiModems,
                           EmulatedModem mbimModem) {

    public List<Path> qmiDevices() {
        return qmiModems.stream().map(EmulatedModem::path).toList();
    }

    public Path firstQmiDevice() {
        return qmiModems.getFirst().path();
    }

    /**
     * Brings every emulated bearer down before an agent is started. An agent that is stopped leaves its bearer up
     * (as it would on a real modem), and the next agent's WDS Start Network then gets NoEffect and keeps recovering:
     * each measured agent starts from a modem as it is at boot instead.
     */
    public void dropBearers() {
        qmiModems.forEach(modem -> modem.state().disconnect());
    }

    /** Lets the agent write its class-data archive once (see AgentProcess.writeArchive), then drops its bearer. */
    public void prepareAgentArchive() throws Exception {
        try {
            AgentProcess.writeArchive(environment, firstQmiDevice());
        } finally {
            dropBearers();
        }
    }
}
