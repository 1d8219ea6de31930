package org.wwan4j.agent.reliability;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.wwan4j.agent.config.AgentConfig;
import org.wwan4j.agent.config.ConfigWatcher;
import org.wwan4j.agent.config.PasswordFiles;

/**
 * A child process for {@link SecretsTest}: loads a config through the agent's {@link ConfigWatcher} and reads a
 * password file as a connect does, so the test can grep the warnings they log about file modes.
 */
public final class PermissionWarningsMain {

    private PermissionWarningsMain() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch loaded = new CountDownLatch(1);
        try (ConfigWatcher watcher = new ConfigWatcher(Path.of(args[0]), AgentConfig.EMPTY, new ConfigWatcher.Listener() {
            @Override
            public void applied(AgentConfig config) {
                System.out.println("config applied: " + config.modems().size() + " modem(s)");
                loaded.countDown();
            }

            @Override
            public void rejected(Path file, List<String> errors) {
                System.out.println("config rejected: " + errors);
                loaded.countDown();
            }
        })) {
            if (!loaded.await(60, TimeUnit.SECONDS)) {
                System.out.println("config never loaded");
            }
        }
        System.out.println("password read: " + PasswordFiles.read(Path.of(args[1])).length() + " characters");
    }
}
