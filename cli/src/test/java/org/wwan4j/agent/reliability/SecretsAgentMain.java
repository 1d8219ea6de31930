package org.wwan4j.agent.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.daemon.AgentDaemon;
import org.wwan4j.agent.daemon.AgentOptions;
import org.wwan4j.agent.mbim.MbimModemFactory;
import org.wwan4j.agent.modem.ModemFactories;
import org.wwan4j.agent.qmi.QmiModemFactory;
import org.wwan4j.agent.supervisor.SupervisorSettings;
import org.wwan4j.agent.testing.RecordingIp;

/**
 * The agent daemon as a child process for {@link SecretsTest}: config, status file and metrics endpoint as
 * {@code wwan4j agent} wires them, every Linux root under the directory given, IP settings recorded rather than
 * applied (no netlink in the host's namespace). Runs until its standard input closes, so the test stops it without
 * a signal; stdout and stderr (the log) are what the test greps.
 */
public final class SecretsAgentMain {

    private SecretsAgentMain() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        for (String sub : new String[] {"sys", "dev", "resolv", "state"}) {
            Files.createDirectories(dir.resolve(sub));
        }
        AgentOptions options = new AgentOptions(dir.resolve("config.json"), dir.resolve("status.json"), 0,
                dir.resolve("state"), null, dir.resolve("sys"), dir.resolve("dev"), dir.resolve("resolv"), false,
                SupervisorSettings.DEFAULTS, false);
        ModemFactories factories = ModemFactories.builder()
                .register(Protocol.QMI, new QmiModemFactory(dir.resolve("state")))
                .register(Protocol.MBIM, new MbimModemFactory(dir.resolve("state")))
                .build();
        try (AgentDaemon daemon = AgentDaemon.start(options, factories, new RecordingIp())) {
            System.out.println("agent running");
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream()); // until the test closes our stdin
        }
        System.out.println("agent stopped");
    }
}
