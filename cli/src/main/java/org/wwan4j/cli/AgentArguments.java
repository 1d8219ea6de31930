package org.wwan4j.cli;

import java.nio.file.Path;

/**
 * What {@code wwan4j agent} was asked to do: its options once read, by picocli ({@link AgentCommand}) or without it
 * ({@link AgentCommandLine}). Null for an option not given that has no default.
 */
record AgentArguments(Path config, Path eveRoot, Path eveGlobalConfig, boolean eveModemWatchdog, Path status,
        Integer metricsPort, Path stateDir, Path kmsg, Path sysfsRoot, Path devRoot, boolean mbimProxy) {
}
