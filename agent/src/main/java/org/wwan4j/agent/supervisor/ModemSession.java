package org.wwan4j.agent.supervisor;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemEvent;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemFactory;

/**
 * The port a supervisor has open (or is about to open) and the way answers to its requests come back: on the
 * supervisor's thread, and only while the {@link Lifecycle} is still in the epoch that sent them. A late answer
 * belongs to work the supervisor has moved on from, so it is dropped (an open that completes late is closed, never
 * leaked).
 */
final class ModemSession {

    /** Logged under the supervisor's name: one modem's story is one stream in the log. */
    private static final Logger LOG = LoggerFactory.getLogger(ModemSupervisor.class);

    private final String key;
    private final Scheduler scheduler;
    private final Lifecycle lifecycle;
    private final ModemFactory factory;
    private final BooleanSupplier shareable;
    private final ModemStatusBuilder status;
    private final Consumer<Throwable> failed;
    private final Consumer<ModemEvent> events;
    private final Runnable publish;

    private Path device;
    private Protocol protocol = Protocol.AUTO;
    private Modem modem;
    private AutoCloseable subscription;
    /** The open in flight, if any; touched only on the supervisor's thread. */
    private OpenAttempt opening;

    /**
     * @param failed    told of a request that failed, and of a continuation that threw
     * @param events    the open modem's events, on the supervisor's thread (none from a modem already closed)
     * @param shareable asked at each open: whether the port must be shareable (the config wants location tracking)
     */
    ModemSession(String key, Scheduler scheduler, Lifecycle lifecycle, ModemFactory factory,
            ModemStatusBuilder status, Consumer<Throwable> failed, Consumer<ModemEvent> events, Runnable publish,
            BooleanSupplier shareable) {
        this.key = key;
        this.shareable = shareable;
        this.scheduler = scheduler;
        this.lifecycle = lifecycle;
        this.factory = factory;
        this.status = status;
        this.failed = failed;
        this.events = events;
        this.publish = publish;
    }

    /** Where discovery found the modem: the next open goes there. */
    void locate(Path controlDevice, Protocol driverProtocol) {
        device = controlDevice;
        protocol = driverProtocol;
    }

    /** The control port discovery last reported, or null before the first. */
    Path device() {
        return device;
    }

    /** The open modem, or null while the port is closed. */
    Modem modem() {
        return modem;
    }

    boolean isOpen() {
        return modem != null;
    }

    /**
     * Opens the port and takes the modem on; an open that completes after the supervisor moved on (a step's bound
     * ran out first) is closed, never leaked.
     *
     * <p>While an earlier open of the same port is still in flight, this one waits for it instead of opening the
     * port a second time: two opens of one control port are two clients of one modem, and closing the one that
     * lost would close the modem's session under the one that won (an MBIM modem then answers "not opened").
     */
    void open(Consumer<Modem> next, Consumer<Throwable> onFailure) {
        long openEpoch = lifecycle.epoch();
        OpenAttempt attempt = opening;
        if (attempt == null || !Objects.equals(attempt.device, device)) {
            attempt = new OpenAttempt(device, factory.open(device, protocol, shareable.getAsBoolean()));
            opening = attempt;
        }
        attempt.waiter = openEpoch;
        OpenAttempt mine = attempt;
        mine.result.whenCompleteAsync((opened, failure) -> {
            if (opening == mine) {
                opening = null;
            }
            if (mine.waiter != openEpoch) {
                return; // a later open took this attempt over and decides what becomes of it
            }
            if (!lifecycle.isCurrent(openEpoch) || lifecycle.closed()) {
                if (opened != null) {
                    opened.close();
                }
                return;
            }
            if (failure != null) {
                onFailure.accept(failure);
                publish.run();
                return;
            }
            modem = opened;
            subscription = opened.addListener(event -> scheduler.execute(() -> onEvent(opened, event)));
            status.protocol = opened.protocol();
            try {
                next.accept(opened);
            } catch (RuntimeException e) {
                failed.accept(e);
            }
            publish.run();
        }, scheduler);
    }

    /** One open of the port in flight; only its latest waiter (by epoch) takes the modem or closes it. */
    private static final class OpenAttempt {
        final Path device;
        final CompletableFuture<Modem> result;
        long waiter;

        OpenAttempt(Path device, CompletableFuture<Modem> result) {
            this.device = device;
            this.result = result;
        }
    }

    private void onEvent(Modem source, ModemEvent event) {
        if (!lifecycle.closed() && source == modem) {
            events.accept(event);
        }
        // Otherwise an event from a modem instance already dropped.
    }

    /**
     * Continues a state's chain when a request completes, on the supervisor thread, unless the state moved on in
     * the meantime. A failure fails the state.
     */
    <T> void await(CompletableFuture<T> request, Consumer<T> next) {
        long requestEpoch = lifecycle.epoch();
        request.whenCompleteAsync((value, failure) -> {
            if (!lifecycle.isCurrent(requestEpoch) || lifecycle.closed()) {
                return;
            }
            if (failure != null) {
                failed.accept(failure);
                publish.run();
                return;
            }
            try {
                next.accept(value);
            } catch (RuntimeException e) {
                failed.accept(e);
            }
            publish.run();
        }, scheduler);
    }

    /**
     * For refreshes that must not move the state: a failure is only logged. Except an unanswered one in a state
     * that waits (connected, registering, radio off, failed): there no other request would notice a modem that
     * stopped answering, so it counts like any timeout.
     */
    <T> void quietly(CompletableFuture<T> request, Consumer<T> next) {
        Modem requested = modem;
        long requestEpoch = lifecycle.epoch();
        request.whenCompleteAsync((value, failure) -> {
            if (lifecycle.closed() || requested != modem) {
                return;
            }
            if (failure != null) {
                ModemException e = ModemException.of(failure);
                LOG.debug("{}: refresh failed: {}", key, e.getMessage());
                SupervisorState state = lifecycle.state();
                if (e.kind() == ModemException.Kind.TIMEOUT && lifecycle.isCurrent(requestEpoch)
                        && state.waitsForEvents()) {
                    failed.accept(new ModemException(ModemException.Kind.TIMEOUT, "no answer while "
                            + state.jsonName() + ": " + e.getMessage(), e));
                    publish.run();
                }
                return;
            }
            next.accept(value);
            publish.run();
        }, scheduler);
    }

    /** Ends the subscription and closes the port; the modem's events stop with it. */
    void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("{}: closing subscription: {}", key, e.toString());
            }
            subscription = null;
        }
        if (modem != null) {
            modem.close();
            modem = null;
        }
    }
}
