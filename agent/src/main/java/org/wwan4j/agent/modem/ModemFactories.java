package org.wwan4j.agent.modem;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.linux.DiscoveredModem;
import org.wwan4j.glib.RequestDeadlines;

/**
 * The agent's one {@link ModemFactory}: dispatches to the factory registered for the protocol. {@code AUTO} is
 * resolved from the driver sysfs names for the port (qmi_wwan: QMI; cdc_mbim, mhi: MBIM); a bare path sysfs does
 * not know (an emulator's pty) is tried with each registered protocol in turn (QMI first), each try bounded.
 *
 * <p>Registration is the seam between protocols: {@code builder().register(Protocol.QMI, qmi)
 * .register(Protocol.MBIM, mbim)}; see {@code org.wwan4j.cli.ModemFactoriesSetup} for the production table.
 */
public final class ModemFactories implements ModemFactory {

    /** Bound of one protocol attempt on a bare path (a QMI open on an MBIM port only ends by timeout). */
    public static final Duration PROBE_BOUND = Duration.ofSeconds(8);
    /** Try order for a bare path: QMI is the more common protocol on the modems we see. */
    private static final List<Protocol> PROBE_ORDER = List.of(Protocol.QMI, Protocol.MBIM);

    private final Map<Protocol, ModemFactory> factories;
    private final Function<Path, Protocol> driverProtocol;
    private final Duration probeBound;

    private ModemFactories(Map<Protocol, ModemFactory> factories, Function<Path, Protocol> driverProtocol,
            Duration probeBound) {
        this.factories = factories;
        this.driverProtocol = driverProtocol;
        this.probeBound = probeBound;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether a factory is registered for the protocol. */
    public boolean supports(Protocol protocol) {
        return factories.containsKey(protocol);
    }

    @Override
    public CompletableFuture<Modem> open(Path device, Protocol protocol) {
        return open(device, protocol, false);
    }

    @Override
    public CompletableFuture<Modem> open(Path device, Protocol protocol, boolean shareable) {
        Objects.requireNonNull(device, "device");
        Protocol wanted = protocol == null ? Protocol.AUTO : protocol;
        if (wanted == Protocol.AUTO) {
            Protocol byDriver = driverProtocol.apply(device);
            if (byDriver != null && byDriver != Protocol.AUTO) {
                wanted = byDriver;
            }
        }
        if (wanted != Protocol.AUTO) {
            ModemFactory factory = factories.get(wanted);
            if (factory == null) {
                return CompletableFuture.failedFuture(new ModemException(ModemException.Kind.UNSUPPORTED,
                        device + ": no " + wanted.jsonName() + " support in this build"));
            }
            return factory.open(device, wanted, shareable);
        }
        return probe(device, shareable, 0, null);
    }

    /** Tries each registered protocol in order; the last failure is reported when none answers. */
    private CompletableFuture<Modem> probe(Path device, boolean shareable, int index, Throwable last) {
        while (index < PROBE_ORDER.size() && !factories.containsKey(PROBE_ORDER.get(index))) {
            index++;
        }
        if (index >= PROBE_ORDER.size()) {
            return CompletableFuture.failedFuture(last != null ? ModemException.of(last)
                    : new ModemException(ModemException.Kind.UNSUPPORTED, "no modem protocol registered"));
        }
        Protocol protocol = PROBE_ORDER.get(index);
        CompletableFuture<Modem> attempt = factories.get(protocol).open(device, protocol, shareable);
        // The bindings' deadline sweeper rather than orTimeout, which would leave the JDK's common-pool delay
        // thread running for good.
        CompletableFuture<Modem> bounded = RequestDeadlines.bound(attempt.copy(), probeBound, () ->
                new TimeoutException(protocol.jsonName() + " did not answer within " + probeBound.toMillis() + " ms"));
        // A modem that answers after its try was abandoned is closed, not leaked. Registered on the attempt itself, now,
        // so it is in place before the probe can move on (a dependent added when the bound fires would run only after
        // the next try had already completed the open).
        attempt.thenAccept(modem -> {
            if (bounded.isCompletedExceptionally()) {
                modem.close();
            }
        });
        int next = index + 1;
        return bounded.exceptionallyCompose(failure -> {
            ModemException e = ModemException.of(failure);
            if (e.kind() == ModemException.Kind.CLOSED && next < PROBE_ORDER.size()) {
                // The path itself is gone: no other protocol will do better.
                return CompletableFuture.failedFuture(e);
            }
            return probe(device, shareable, next, e);
        });
    }

    /** Builds the table. */
    public static final class Builder {
        private final Map<Protocol, ModemFactory> factories = new EnumMap<>(Protocol.class);
        private Function<Path, Protocol> driverProtocol = path -> null;
        private Duration probeBound = PROBE_BOUND;

        public Builder register(Protocol protocol, ModemFactory factory) {
            if (protocol == Protocol.AUTO) {
                throw new IllegalArgumentException("register a concrete protocol, not auto");
            }
            factories.put(protocol, Objects.requireNonNull(factory, "factory"));
            return this;
        }

        /** How AUTO is resolved for a path: usually {@link #fromDiscovery}; null answers mean "unknown". */
        public Builder driverProtocol(Function<Path, Protocol> resolver) {
            this.driverProtocol = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        public Builder probeBound(Duration bound) {
            this.probeBound = Objects.requireNonNull(bound, "bound");
            return this;
        }

        public ModemFactories build() {
            return new ModemFactories(Map.copyOf(factories), driverProtocol, probeBound);
        }
    }

    /** A resolver over a discovery result: the protocol of the discovered modem whose control port is the path. */
    public static Function<Path, Protocol> fromDiscovery(java.util.function.Supplier<List<DiscoveredModem>> discovery) {
        return path -> {
            try {
                for (DiscoveredModem modem : discovery.get()) {
                    if (modem.hasDevice(path.toString()) || modem.controlDevice().equals(path)) {
                        return modem.protocol();
                    }
                }
            } catch (RuntimeException e) {
                // No sysfs (a container, a test tree): fall back to probing.
            }
            return null;
        };
    }
}
