package org.wwan4j.agent.supervisor;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.wwan4j.agent.config.ProbeConfig;
import org.wwan4j.agent.modem.BearerSettings;

/**
 * Runs a connectivity probe through a modem's interface, off the supervisor's thread (a probe takes seconds).
 * Completes with empty on success, else the error text for {@code probeError}; never exceptionally.
 */
@FunctionalInterface
public interface ProbeRunner {

    CompletableFuture<Optional<String>> probe(String interfaceName, BearerSettings settings, ProbeConfig probe);
}
