package org.wwan4j.emulator.fault;

import java.util.Locale;

/**
 * A fault the emulator can inject. Transport faults are applied by the port loop for every protocol; protocol faults
 * by the engine; state faults change the modem state (and are undone by clearing them). Names are the CLI spelling.
 */
public enum Fault {
    /** Stop answering anything until cleared. */
    HANG("hang", Layer.TRANSPORT),
    /** Answer every request late (see PortLoop.SLOW_RESPONSE_DELAY). */
    SLOW("slow", Layer.TRANSPORT),
    /** Write frames in small pieces, so the client sees them split across reads. */
    DRIBBLE("dribble", Layer.TRANSPORT),
    /** Drop every indication instead of sending it. */
    DROP_INDICATIONS("drop-indications", Layer.TRANSPORT),
    /** Corrupt the frame header of each answer. */
    MALFORMED("malformed", Layer.TRANSPORT),
    /** The port disappears (pty closed, --link removed); clearing it replugs on a new pty. */
    UNPLUG("unplug", Layer.TRANSPORT),
    /** Append TLVs/fields the client does not know to every answer and indication. */
    UNKNOWN_TLVS("unknown-tlvs", Layer.PROTOCOL),
    /** Refuse every client-ID allocation as if all were taken. */
    CID_EXHAUSTION("cid-exhaustion", Layer.PROTOCOL),
    /** One-shot: the modem restarts, state back to defaults, clients forgotten. */
    REBOOT("reboot", Layer.STATE),
    /** The SIM in the active slot is pulled; clearing puts it back. */
    SIM_REMOVAL("sim-removal", Layer.STATE),
    /** Coverage lost: searching, bearer dropped; clearing re-registers. */
    NETWORK_LOSS("network-loss", Layer.STATE),
    /** The data plane stalls: the bearer stays up but counters freeze. */
    DATA_STALL("data-stall", Layer.STATE);

    /** Who applies the fault. */
    public enum Layer { TRANSPORT, PROTOCOL, STATE }

    private final String cliName;
    private final Layer layer;

    Fault(String cliName, Layer layer) {
        this.cliName = cliName;
        this.layer = layer;
    }

    public String cliName() {
        return cliName;
    }

    public Layer layer() {
        return layer;
    }

    /** Parses the CLI name (or the enum name, any case, '-' or '_'). */
    public static Fault fromName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Fault fault : values()) {
            if (fault.cliName.equals(wanted)) {
                return fault;
            }
        }
        if (wanted.equals("stall")) {
            return DATA_STALL;
        }
        if (wanted.equals("extra-tlvs")) {
            return UNKNOWN_TLVS;
        }
        throw new IllegalArgumentException("unknown fault '" + name + "'; known: " + names());
    }

    public static String names() {
        StringBuilder all = new StringBuilder();
        for (Fault fault : values()) {
            all.append(all.isEmpty() ? "" : ", ").append(fault.cliName);
        }
        return all.toString();
    }
}
