package org.wwan4j.agent.qmi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.wwan4j.agent.modem.KernelDataFormat;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.supervisor.SupervisorSettings;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.EmulatorOptions;

/**
 * The end-to-end fixture: one emulated modem on a pty and the real agent ({@link AgentHarness}) driving it, both
 * closed after each test, the agent first so that it lets go of the port before the modem goes.
 *
 * <pre>
 * &#64;RegisterExtension
 * final EmulatedModemAndAgent e2e = new EmulatedModemAndAgent();
 * </pre>
 */
final class EmulatedModemAndAgent implements AfterEachCallback {

    private EmulatedModem modem;
    private AgentHarness agent;

    EmulatedModem startModem(EmulatedProtocol protocol) {
        return startModem(protocol, EmulatorOptions.defaults());
    }

    EmulatedModem startModem(EmulatedProtocol protocol, EmulatorOptions options) {
        modem = EmulatedModem.start(protocol, options);
        return modem;
    }

    AgentHarness startAgent(Path dir, String configJson, SupervisorSettings settings) throws IOException {
        return startAgent(dir, configJson, settings, null);
    }

    /** @param kernel the kernel's data format per interface, or null for the raw_ip switch under the temp sysfs. */
    AgentHarness startAgent(Path dir, String configJson, SupervisorSettings settings,
            Function<String, KernelDataFormat> kernel) throws IOException {
        agent = new AgentHarness(dir, configJson, settings, kernel);
        return agent;
    }

    /** The running modem; only after {@link #startModem}. */
    EmulatedModem modem() {
        if (modem == null) {
            throw new IllegalStateException("no emulated modem started");
        }
        return modem;
    }

    /** The running agent; only between {@link #startAgent} and {@link #stopAgent}. */
    AgentHarness agent() {
        if (agent == null) {
            throw new IllegalStateException("no agent running");
        }
        return agent;
    }

    /**
     * {@link AgentHarness#config} for the modem's device, one modem of its protocol with APN "internet" and the given
     * extra fields of the modem entry.
     */
    String config(String extraModemFields) {
        String config = AgentHarness.config(modem().path().toString(), extraModemFields, "");
        return modem.protocol() == EmulatedProtocol.MBIM
                ? config.replace("\"protocol\": \"qmi\"", "\"protocol\": \"mbim\"")
                : config;
    }

    /**
     * Stops the agent (which leaves a bearer up, as a process that exits does) and waits until the port has seen it
     * go: a pty carries one client's byte stream, so the next client (a restarted agent, qmicli) starts clean.
     */
    void stopAgent() throws InterruptedException {
        long closes = modem().statistics().lastClientCloses();
        agent().close();
        agent = null;
        AgentHarness.until("the port saw the agent go", () -> modem.statistics().lastClientCloses() > closes);
    }

    static boolean connected(ModemStatus m) {
        return m.info().bearer() != null && m.info().bearer().connected();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (agent != null) {
            agent.close();
            agent = null;
        }
        if (modem != null) {
            modem.close();
            modem = null;
        }
    }
}
