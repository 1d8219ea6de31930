package org.wwan4j.agent.supervisor;

import static org.wwan4j.agent.supervisor.SupervisorState.ABSENT;
import static org.wwan4j.agent.supervisor.SupervisorState.CONNECTED;
import static org.wwan4j.agent.supervisor.SupervisorState.CONNECTING;
import static org.wwan4j.agent.supervisor.SupervisorState.FAILED;
import static org.wwan4j.agent.supervisor.SupervisorState.OPENING;
import static org.wwan4j.agent.supervisor.SupervisorState.RADIO_OFF;
import static org.wwan4j.agent.supervisor.SupervisorState.READY;
import static org.wwan4j.agent.supervisor.SupervisorState.RECOVERING;
import static org.wwan4j.agent.supervisor.SupervisorState.REGISTERING;
import static org.wwan4j.agent.supervisor.SupervisorState.STUCK;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every move between {@link SupervisorState}s a supervisor may make; {@link Lifecycle} refuses any other. The way up
 * (opening, ready, registering, connecting, connected) is taken one step at a time and only forwards, so a modem is
 * never connected without having registered, nor registered without its SIM and preferences set. The moves out of
 * trouble (reopen, retry, radio off, give up, gone) are open from every state that has or opens a modem, because
 * trouble comes from anywhere: a request that fails, a bound that runs out, an event, a config change.
 *
 * <pre>
 * from         to                                                  when
 * absent       opening                                             discovery found the modem
 * opening      ready                                               opened, basics read
 * ready        registering                                         SIM and preferences set
 * registering  connecting                                          registered (home or roaming)
 * connecting   connected                                           bearer up, IP applied
 * connected    registering                                         bearer lost
 * any but absent:
 *              opening                                             found at another port; recovery step reopen
 *              ready                                               config changed (reconnect), radio allowed again,
 *                                                                  SIM changed, radio left online, backoff elapsed
 *              radio-off                                           radio silence, unmanaged modem
 *              recovering                                          a request failed or a state's bound ran out;
 *                                                                  recovery step reset or rebind
 *              stuck                                               every recovery step failed
 *              failed                                              SIM absent, locked or refused; password unreadable
 *              absent                                              discovery lost the modem
 * </pre>
 *
 * Entering a state from itself restarts its work. The states out of trouble allow it (a reopen at another port, a
 * reconnect before the bearer came up, a new radio-silence request, the next recovery step); registering,
 * connecting and connected never do: a second connect on top of the first would drop the session it brought up.
 */
final class StateTransitions {

    /** Moves out of trouble, open from every state but absent. */
    private static final Set<SupervisorState> OUT_OF_TROUBLE = EnumSet.of(OPENING, READY, RADIO_OFF, RECOVERING,
            STUCK, FAILED, ABSENT);

    private static final Map<SupervisorState, Set<SupervisorState>> ALLOWED = table();

    private StateTransitions() {
    }

    private static Map<SupervisorState, Set<SupervisorState>> table() {
        Map<SupervisorState, Set<SupervisorState>> table = new EnumMap<>(SupervisorState.class);
        table.put(ABSENT, EnumSet.of(OPENING));
        table.put(OPENING, OUT_OF_TROUBLE);
        table.put(READY, with(REGISTERING));
        table.put(REGISTERING, with(CONNECTING));
        table.put(CONNECTING, with(CONNECTED));
        table.put(CONNECTED, with(REGISTERING));
        table.put(RADIO_OFF, OUT_OF_TROUBLE);
        table.put(RECOVERING, OUT_OF_TROUBLE);
        table.put(STUCK, OUT_OF_TROUBLE);
        table.put(FAILED, OUT_OF_TROUBLE);
        table.replaceAll((from, to) -> Collections.unmodifiableSet(EnumSet.copyOf(to)));
        return Collections.unmodifiableMap(table);
    }

    private static Set<SupervisorState> with(SupervisorState forward) {
        Set<SupervisorState> targets = EnumSet.copyOf(OUT_OF_TROUBLE);
        targets.add(forward);
        return targets;
    }

    /** The states the supervisor may move to from this one. */
    static Set<SupervisorState> from(SupervisorState state) {
        return ALLOWED.get(state);
    }

    static boolean allowed(SupervisorState from, SupervisorState to) {
        return ALLOWED.get(from).contains(to);
    }

    /** @throws IllegalStateException when the table has no such move: a bug in the supervisor, never a modem's doing */
    static void check(SupervisorState from, SupervisorState to, String why) {
        if (!allowed(from, to)) {
            throw new IllegalStateException("illegal transition " + from.jsonName() + " -> " + to.jsonName()
                    + " (" + why + ")");
        }
    }
}
