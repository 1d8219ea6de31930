package org.wwan4j.agent.supervisor;

import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.modem.ModemException;

/**
 * One supervisor's state machine: the current {@link SupervisorState}, moves checked against
 * {@link StateTransitions} (an illegal one throws and changes nothing), the bound of each state, and the epoch.
 *
 * <p>Every move starts a new epoch. Work started in one state (a chain of modem requests, a timer) remembers the
 * epoch it started in and is dropped when it completes in another: that is how a move cleanly abandons what was in
 * flight, without tracking each request.
 *
 * <p>Owned by the supervisor's thread; only {@link #snapshot()} may be read from others.
 */
final class Lifecycle {

    /** Logged under the supervisor's name: one modem's story is one stream in the log. */
    private static final Logger LOG = LoggerFactory.getLogger(ModemSupervisor.class);

    /** Told of each move once it is recorded, before the work of the new state starts. */
    @FunctionalInterface
    interface MoveListener {
        void moved(SupervisorState from, SupervisorState to, String why);
    }

    private final String key;
    private final Scheduler scheduler;
    private final ModemStatusBuilder status;
    private final MoveListener listener;
    private final Consumer<ModemException> timedOut;
    private final Consumer<SupervisorState> entered;

    private SupervisorState state = SupervisorState.ABSENT;
    private long epoch;
    private boolean closed;
    private Scheduler.Timer stateTimer;
    private volatile SupervisorState snapshot = SupervisorState.ABSENT;

    /**
     * @param timedOut told when a state's bound ran out with no move
     * @param entered  runs the work of the state just entered (after the move is recorded and its bound set)
     */
    Lifecycle(String key, Scheduler scheduler, ModemStatusBuilder status, MoveListener listener,
            Consumer<ModemException> timedOut, Consumer<SupervisorState> entered) {
        this.key = key;
        this.scheduler = scheduler;
        this.status = status;
        this.listener = listener;
        this.timedOut = timedOut;
        this.entered = entered;
    }

    SupervisorState state() {
        return state;
    }

    /** The current state from any thread: a snapshot that may be stale at once. */
    SupervisorState snapshot() {
        return snapshot;
    }

    long epoch() {
        return epoch;
    }

    /** Whether work started in this epoch may still act: no move happened since. */
    boolean isCurrent(long startedIn) {
        return startedIn == epoch;
    }

    boolean closed() {
        return closed;
    }

    /**
     * Moves to the next state: records it (log line, {@code state} event, listener), starts its bound and runs its
     * work.
     *
     * @throws IllegalStateException when {@link StateTransitions} has no such move; nothing is changed then
     */
    void enter(SupervisorState next, String why) {
        StateTransitions.check(state, next, why);
        SupervisorState previous = state;
        epoch++;
        cancel(stateTimer);
        state = next;
        snapshot = next;
        LOG.info("{}: {} -> {} ({})", key, previous.jsonName(), next.jsonName(), why);
        if (previous != next) {
            status.event(scheduler.now(), EventKinds.STATE, previous.jsonName() + " -> " + next.jsonName() + ": "
                    + why);
            listener.moved(previous, next, why);
        }
        Duration bound = next.timeout();
        if (bound != null) {
            long stateEpoch = epoch;
            stateTimer = scheduler.schedule(bound, () -> {
                if (stateEpoch == epoch) {
                    timedOut.accept(new ModemException(ModemException.Kind.TIMEOUT,
                            "no progress in state " + next.jsonName() + " within " + bound.toSeconds() + " s"));
                }
            });
        }
        entered.accept(next);
    }

    /**
     * Drops the work in flight without moving (a new epoch in the same state): used where a chain is replaced by
     * another one in the same state, such as a reconnect's disconnect or a new attempt to open the port.
     *
     * @return the new epoch, for the work that replaces it
     */
    long abandonWork() {
        return ++epoch;
    }

    /** The state reached what it waits in (radio off confirmed): its bound no longer applies. */
    void settled() {
        cancel(stateTimer);
    }

    /** The supervisor is closing: nothing in flight may act any more. */
    void close() {
        closed = true;
        epoch++;
        cancel(stateTimer);
    }

    private static void cancel(Scheduler.Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
