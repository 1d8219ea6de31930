package org.wwan4j.bench.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every child process group still running, so that a failing or interrupted run (Ctrl-C) still ends everything it
 * started: a JVM shutdown hook closes whatever the normal path did not.
 */
final class ChildRegistry {

    private static final Set<ChildProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(ChildRegistry::closeAll));
    }

    private ChildRegistry() {}

    static void register(ChildProcess child) {
        RUNNING.add(child);
    }

    static void unregister(ChildProcess child) {
        RUNNING.remove(child);
    }

    static void closeAll() {
        for (ChildProcess child : new ArrayList<>(RUNNING)) {
            child.close();
        }
    }

    static List<ChildProcess> running() {
        return List.copyOf(RUNNING);
    }
}
