package org.wwan4j.examples;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.daemon.AgentDaemon;
import org.wwan4j.agent.daemon.AgentListener;
import org.wwan4j.agent.daemon.AgentOptions;
import org.wwan4j.agent.mbim.MbimModemFactory;
import org.wwan4j.agent.modem.ModemFactories;
import org.wwan4j.agent.qmi.QmiModemFactory;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.RegistrationState;

/** docs/embedding.md, "The agent in-process": the text between the snippet markers is quoted there verbatim. */
public final class EmbeddedAgentExample {

    private EmbeddedAgentExample() {
    }

    /** Runs the agent on the config until one of its modems is registered; returns that status snapshot. */
    public static AgentStatus runUntilRegistered(Path configFile, Path stateDir, Duration wait) throws Exception {
        // snippet:start
        ModemFactories protocols = ModemFactories.builder()
                .register(Protocol.QMI, new QmiModemFactory(stateDir))
                .register(Protocol.MBIM, new MbimModemFactory(stateDir))
                .build();
        CompletableFuture<AgentStatus> registered = new CompletableFuture<>();
        // The config file is watched as the daemon's is; the status comes to the listener instead of a file.
        try (AgentDaemon daemon = AgentDaemon.start(AgentOptions.embedded(configFile, stateDir), protocols)) {
            daemon.agent().addListener(new AgentListener() {
                @Override
                public void statusChanged(AgentStatus status) { // on the agent's thread: never block here
                    if (status.modems().stream().anyMatch(EmbeddedAgentExample::registered)) {
                        registered.complete(status);
                    }
                }
            });
            return registered.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } // close() stops the supervisors and leaves a connected bearer up for the next run
        // snippet:end
    }

    // snippet:start
    static boolean registered(ModemStatus modem) {
        var registration = modem.info() == null ? null : modem.info().registration();
        return registration != null && (registration.state() == RegistrationState.HOME
                || registration.state() == RegistrationState.ROAMING);
    }
    // snippet:end
}
