package org.wwan4j.agent.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.status.StatusEvent;
import org.wwan4j.agent.testing.ManualScheduler;

/**
 * The state machine on its own: the transition table is enforced (every move in it works, every other one throws
 * and changes nothing), each move starts a new epoch, and a state's bound reports a timeout.
 */
class LifecycleTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<StatusEvent> events = new ArrayList<>();
    /** What the listener was told ("moved a -> b") and which work ran ("entered b"), in order. */
    private final List<String> calls = new ArrayList<>();
    private final List<ModemException> timeouts = new ArrayList<>();
    private final Lifecycle lifecycle = new Lifecycle("modem1", scheduler,
            new ModemStatusBuilder("modem1", events::add),
            (from, to, why) -> calls.add("moved " + from.jsonName() + " -> " + to.jsonName()), timeouts::add,
            state -> calls.add("entered " + state.jsonName()));

    /** The shortest way from absent to each state, through the table only. */
    private static Map<SupervisorState, List<SupervisorState>> waysFromAbsent() {
        Map<SupervisorState, List<SupervisorState>> ways = new EnumMap<>(SupervisorState.class);
        ways.put(SupervisorState.ABSENT, List.of());
        Deque<SupervisorState> queue = new ArrayDeque<>(List.of(SupervisorState.ABSENT));
        while (!queue.isEmpty()) {
            SupervisorState from = queue.poll();
            for (SupervisorState to : StateTransitions.from(from)) {
                if (!ways.containsKey(to)) {
                    List<SupervisorState> way = new ArrayList<>(ways.get(from));
                    way.add(to);
                    ways.put(to, way);
                    queue.add(to);
                }
            }
        }
        return ways;
    }

    private static Lifecycle walkedTo(SupervisorState state) {
        Lifecycle walked = new Lifecycle("modem1", new ManualScheduler(), new ModemStatusBuilder("modem1", e -> { }),
                (from, to, why) -> { }, e -> { }, s -> { });
        for (SupervisorState step : waysFromAbsent().get(state)) {
            walked.enter(step, "walking the table");
        }
        assertEquals(state, walked.state());
        return walked;
    }

    @Test
    void everyStateCanBeReachedFromAbsentThroughTheTable() {
        assertEquals(EnumSet.allOf(SupervisorState.class), waysFromAbsent().keySet());
    }

    @Test
    void everyMoveInTheTableIsTaken() {
        for (SupervisorState from : SupervisorState.values()) {
            for (SupervisorState to : StateTransitions.from(from)) {
                Lifecycle walked = walkedTo(from);
                long epoch = walked.epoch();
                walked.enter(to, "allowed");
                assertEquals(to, walked.state(), from + " -> " + to);
                assertEquals(to, walked.snapshot());
                assertEquals(epoch + 1, walked.epoch());
            }
        }
    }

    @Test
    void everyMoveOutsideTheTableThrowsAndChangesNothing() {
        int illegal = 0;
        for (SupervisorState from : SupervisorState.values()) {
            Set<SupervisorState> forbidden = EnumSet.complementOf(EnumSet.copyOf(StateTransitions.from(from)));
            for (SupervisorState to : forbidden) {
                Lifecycle walked = walkedTo(from);
                long epoch = walked.epoch();
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> walked.enter(to, "bug"));
                assertEquals("illegal transition " + from.jsonName() + " -> " + to.jsonName() + " (bug)",
                        e.getMessage());
                assertEquals(from, walked.state());
                assertEquals(from, walked.snapshot());
                assertEquals(epoch, walked.epoch());
                illegal++;
            }
        }
        assertTrue(illegal > 0);
    }

    @Test
    void anIllegalMoveRecordsNothingAndRunsNoWork() {
        lifecycle.enter(SupervisorState.OPENING, "found");
        events.clear();
        calls.clear();
        assertThrows(IllegalStateException.class, () -> lifecycle.enter(SupervisorState.CONNECTED, "skipping ahead"));
        assertTrue(events.isEmpty() && calls.isEmpty());
        // The bound of the state it stayed in still runs.
        scheduler.advance(SupervisorState.OPENING.timeout());
        assertEquals(1, timeouts.size());
    }

    @Test
    void theWayUpIsTakenOneStepAtATimeAndOnlyForwards() {
        assertEquals(Set.of(SupervisorState.OPENING), StateTransitions.from(SupervisorState.ABSENT));
        for (SupervisorState from : SupervisorState.values()) {
            assertEquals(from == SupervisorState.CONNECTING,
                    StateTransitions.allowed(from, SupervisorState.CONNECTED), "connected from " + from);
            assertEquals(from == SupervisorState.REGISTERING,
                    StateTransitions.allowed(from, SupervisorState.CONNECTING), "connecting from " + from);
            assertEquals(from == SupervisorState.READY || from == SupervisorState.CONNECTED,
                    StateTransitions.allowed(from, SupervisorState.REGISTERING), "registering from " + from);
        }
        for (SupervisorState from : SupervisorState.values()) {
            if (from != SupervisorState.ABSENT) {
                assertTrue(StateTransitions.allowed(from, SupervisorState.ABSENT), "a modem can vanish in " + from);
                assertTrue(StateTransitions.allowed(from, SupervisorState.RECOVERING), "a failure in " + from);
            }
        }
    }

    @Test
    void aMoveIsRecordedThenItsWorkRuns() {
        lifecycle.enter(SupervisorState.OPENING, "modem found at /dev/cdc-wdm0");
        lifecycle.enter(SupervisorState.READY, "opened");

        assertEquals(List.of("moved absent -> opening", "entered opening", "moved opening -> ready", "entered ready"),
                calls);
        assertEquals(List.of("absent -> opening: modem found at /dev/cdc-wdm0", "opening -> ready: opened"),
                events.stream().map(StatusEvent::message).toList());
        assertTrue(events.stream().allMatch(e -> e.kind().equals("state")));
    }

    @Test
    void reenteringAStateRestartsItsWorkWithoutAStateEvent() {
        lifecycle.enter(SupervisorState.OPENING, "found");
        events.clear();
        calls.clear();
        lifecycle.enter(SupervisorState.OPENING, "found at another port");
        assertEquals(List.of("entered opening"), calls);
        assertTrue(events.isEmpty());
    }

    @Test
    void eachMoveStartsANewEpochSoWorkOfTheOldStateIsDropped() {
        lifecycle.enter(SupervisorState.OPENING, "found");
        long opening = lifecycle.epoch();
        assertTrue(lifecycle.isCurrent(opening));
        lifecycle.enter(SupervisorState.READY, "opened");
        assertFalse(lifecycle.isCurrent(opening));

        long ready = lifecycle.epoch();
        long replaced = lifecycle.abandonWork();
        assertEquals(SupervisorState.READY, lifecycle.state());
        assertFalse(lifecycle.isCurrent(ready));
        assertTrue(lifecycle.isCurrent(replaced));
    }

    @Test
    void aStateThatOutlivesItsBoundTimesOutUnlessItMovedOn() {
        lifecycle.enter(SupervisorState.OPENING, "found");
        scheduler.advance(SupervisorState.OPENING.timeout().minusSeconds(1));
        lifecycle.enter(SupervisorState.READY, "opened");
        scheduler.advance(Duration.ofSeconds(1));
        assertTrue(timeouts.isEmpty(), "the opening bound ended with the state");

        scheduler.advance(SupervisorState.READY.timeout());
        assertEquals(1, timeouts.size());
        assertEquals(ModemException.Kind.TIMEOUT, timeouts.getFirst().kind());
        assertEquals("no progress in state ready within 90 s", timeouts.getFirst().getMessage());
    }

    @Test
    void aSettledStateNoLongerTimesOut() {
        lifecycle.enter(SupervisorState.OPENING, "found");
        lifecycle.enter(SupervisorState.READY, "opened");
        lifecycle.settled();
        scheduler.advance(SupervisorState.READY.timeout());
        assertTrue(timeouts.isEmpty());
    }

    @Test
    void closingDropsWorkInFlightAndTheBound() {
        lifecycle.enter(SupervisorState.OPENING, "found");
        long opening = lifecycle.epoch();
        lifecycle.close();
        assertTrue(lifecycle.closed());
        assertFalse(lifecycle.isCurrent(opening));
        scheduler.advance(SupervisorState.OPENING.timeout());
        assertTrue(timeouts.isEmpty());
    }
}
