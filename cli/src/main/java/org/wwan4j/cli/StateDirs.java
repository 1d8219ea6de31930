package org.wwan4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.wwan4j.agent.daemon.AgentOptions;

/**
 * Where one-shot commands keep persistent client IDs: the agent's state dir when writable (so the CLI and the agent
 * share CIDs instead of each allocating its own), else a per-user one. Without one, a {@code connect} would leave a
 * client ID allocated on the modem that nothing could reuse or release.
 */
final class StateDirs {

    private StateDirs() {
    }

    static Path defaultDir() {
        Path agent = AgentOptions.DEFAULT_STATE_DIR;
        if (Files.isDirectory(agent) && Files.isWritable(agent)) {
            return agent;
        }
        String home = System.getProperty("user.home", "/tmp");
        return Path.of(home, ".local", "state", "wwan4j");
    }
}
