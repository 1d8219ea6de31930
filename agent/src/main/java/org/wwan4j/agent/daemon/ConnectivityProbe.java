package org.wwan4j.agent.daemon;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import org.wwan4j.agent.config.ProbeConfig;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.policy.ProbePolicy;
import org.wwan4j.agent.policy.Prober;
import org.wwan4j.agent.supervisor.ProbeRunner;

/**
 * Runs the {@link ProbePolicy} plan on an executor of its own (probes block for seconds), stopping at the first
 * success; the failures are joined with "; " like the reference agent's ProbeError.
 */
public final class ConnectivityProbe implements ProbeRunner {

    static final String NOT_CONNECTED = "modem is not connected";
    static final String NO_ADDRESS = "bearer has no IP address";

    private final Executor executor;
    private final BiFunction<ProbeConfig, BearerSettings, List<Prober>> planner;

    public ConnectivityProbe(Executor executor, BiFunction<ProbeConfig, BearerSettings, List<Prober>> planner) {
        this.executor = executor;
        this.planner = planner;
    }

    public ConnectivityProbe(Executor executor) {
        this(executor, ProbePolicy::plan);
    }

    @Override
    public CompletableFuture<Optional<String>> probe(String interfaceName, BearerSettings settings,
            ProbeConfig probe) {
        return CompletableFuture.supplyAsync(() -> run(interfaceName, settings, probe), executor)
                .exceptionally(failure -> Optional.of("probe failed: " + failure.getMessage()));
    }

    Optional<String> run(String interfaceName, BearerSettings settings, ProbeConfig probe) {
        List<Prober> steps = planner.apply(probe, settings);
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        if (interfaceName == null || settings == null) {
            return Optional.of(NOT_CONNECTED);
        }
        InetAddress source = source(settings);
        if (source == null) {
            return Optional.of(NO_ADDRESS);
        }
        List<String> errors = new ArrayList<>();
        for (Prober step : steps) {
            Optional<String> error = step.probe(interfaceName, source);
            if (error.isEmpty()) {
                return Optional.empty();
            }
            errors.add(error.get());
        }
        return Optional.of(String.join("; ", errors));
    }

    private static InetAddress source(BearerSettings settings) {
        String address = settings.ipv4() != null && settings.ipv4().address() != null ? settings.ipv4().address()
                : settings.ipv6() != null ? settings.ipv6().address() : null;
        if (address == null) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(address);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
