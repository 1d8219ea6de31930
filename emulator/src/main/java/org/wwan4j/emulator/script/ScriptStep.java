package org.wwan4j.emulator.script;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.fault.Fault;
import org.wwan4j.emulator.model.ModemState;
import org.wwan4j.emulator.model.Position;
import org.wwan4j.emulator.model.PowerState;
import org.wwan4j.emulator.model.EmulatedRat;
import org.wwan4j.emulator.model.EmulatedRegistration;
import org.wwan4j.emulator.model.EmulatedRegistrationState;
import org.wwan4j.emulator.model.EmulatedSignal;

/**
 * One timeline step: when, and one action. Actions: {@code signal}, {@code registration}, {@code power}
 * ("online", "low-power", "offline"), {@code fault} / {@code clear} (a fault name), {@code sim} ("removed",
 * "inserted"), {@code switchSlot} (slot number), {@code position}, {@code disconnect} (true).
 */
public record ScriptStep(long atMillis, String description, Consumer<EmulatedModem> action) {

    private static final Set<String> ACTIONS = Set.of("signal", "registration", "power", "fault", "clear", "sim",
            "switchSlot", "position", "disconnect");

    public void apply(EmulatedModem modem) {
        action.accept(modem);
    }

    static ScriptStep parse(int index, Map<?, ?> step) {
        long at = step.get("at") instanceof Number n ? n.longValue() : 0;
        List<String> actions = new ArrayList<>();
        for (Object key : step.keySet()) {
            if (key.equals("at")) {
                continue;
            }
            if (!ACTIONS.contains(key)) {
                throw new IllegalArgumentException("step " + index + ": unknown key '" + key + "' (known: at, "
                        + String.join(", ", ACTIONS) + ")");
            }
            actions.add((String) key);
        }
        if (actions.size() != 1) {
            throw new IllegalArgumentException("step " + index + ": needs exactly one action, has " + actions);
        }
        String name = actions.getFirst();
        Object value = step.get(name);
        return new ScriptStep(at, name + " " + value, action(index, name, value));
    }

    private static Consumer<EmulatedModem> action(int index, String name, Object value) {
        return switch (name) {
            case "signal" -> {
                Map<?, ?> m = object(index, value);
                EmulatedSignal signal = new EmulatedSignal(integer(m, "rssi"), integer(m, "rsrq"), integer(m,
                        "rsrp"), number(m, "snr"));
                yield modem -> modem.state().setSignal(signal);
            }
            case "registration" -> {
                EmulatedRegistration registration = registration(index, object(index, value));
                yield modem -> modem.state().setNetworkRegistration(registration);
            }
            case "power" -> {
                PowerState power = PowerState.valueOf(enumName(value));
                yield modem -> modem.state().setPower(power);
            }
            case "fault" -> {
                Fault fault = Fault.fromName(String.valueOf(value));
                yield modem -> modem.inject(fault);
            }
            case "clear" -> {
                Fault fault = Fault.fromName(String.valueOf(value));
                yield modem -> modem.clear(fault);
            }
            case "sim" -> {
                boolean present = switch (String.valueOf(value)) {
                    case "removed" -> false;
                    case "inserted" -> true;
                    default -> throw new IllegalArgumentException("step " + index + ": sim is removed or inserted");
                };
                yield modem -> modem.state().setActiveCardPresent(present);
            }
            case "switchSlot" -> {
                int slot = ((Number) value).intValue();
                yield modem -> modem.state().switchSlot(slot);
            }
            case "position" -> {
                Map<?, ?> m = object(index, value);
                yield modem -> {
                    ModemState state = modem.state();
                    Position old = state.position();
                    state.setPosition(new Position(number(m, "latitude"), number(m, "longitude"),
                            m.containsKey("altitude") ? number(m, "altitude") : old.altitude(),
                            old.horizontalUncertainty(), old.verticalUncertainty(), Instant.now()));
                };
            }
            case "disconnect" -> modem -> modem.state().disconnect();
            default -> throw new IllegalStateException(name);
        };
    }

    private static EmulatedRegistration registration(int index, Map<?, ?> m) {
        EmulatedRegistrationState state = EmulatedRegistrationState.valueOf(enumName(m.get("state")));
        Set<EmulatedRat> rats = EnumSet.noneOf(EmulatedRat.class);
        if (m.get("rats") instanceof List<?> list) {
            for (Object rat : list) {
                rats.add(EmulatedRat.valueOf(enumName(rat)));
            }
        } else {
            rats.add(EmulatedRat.LTE);
        }
        Object mcc = m.get("mcc");
        Object mnc = m.get("mnc");
        if (state.registered() && (mcc == null || mnc == null)) {
            throw new IllegalArgumentException("step " + index + ": a registered state needs mcc and mnc (strings)");
        }
        return new EmulatedRegistration(state, mcc == null ? null : mcc.toString(), mnc == null ? null : mnc.toString(),
                m.get("operator") == null ? null : m.get("operator").toString(), rats,
                m.containsKey("lac") ? integer(m, "lac") : 0x1234, m.containsKey("tac") ? integer(m, "tac") : 0x5678,
                m.containsKey("cellId") ? integer(m, "cellId") : 0x01A2B3C);
    }

    private static Map<?, ?> object(int index, Object value) {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException("step " + index + ": expected an object, got " + value);
    }

    private static int integer(Map<?, ?> m, String key) {
        return (int) number(m, key);
    }

    private static double number(Map<?, ?> m, String key) {
        if (m.get(key) instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("'" + key + "' must be a number");
    }

    private static String enumName(Object value) {
        return String.valueOf(value).toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
