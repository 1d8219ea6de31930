package org.wwan4j.bench.snapshot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The qmicli calls of the old shell agent (the reference agent's status commands), each a process of its own
 * through qmi-proxy ({@code -p}) as the agent ran them.
 */
public final class OldAgentCalls {

    /** A full status snapshot of one modem: identity, op mode, registration, signal, SIM slots, ICCID/IMSI, IP, counters. */
    public static final List<String> STATUS = List.of(
            "--dms-get-ids", "--dms-get-model", "--dms-get-revision", "--dms-get-manufacturer",
            "--dms-get-operating-mode", "--wds-get-packet-service-status",
            "--nas-get-serving-system", "--nas-get-signal-info",
            "--uim-get-slot-status", "--uim-get-card-status",
            "--uim-read-transparent=0x3F00,0x2FE2", "--uim-read-transparent=0x3F00,0x7FFF,0x6F07",
            "--wds-get-current-settings", "--wds-get-packet-statistics");

    /** The 20-second quick probe: operating mode is "connected" and an IPv4 address exists. */
    public static final List<String> QUICK_PROBE = List.of(
            "--dms-get-operating-mode", "--wds-get-packet-service-status", "--wds-get-current-settings");

    /** The 60-second metrics: packet counters and signal. */
    public static final List<String> METRICS = List.of("--wds-get-packet-statistics", "--nas-get-signal-info");

    private OldAgentCalls() {}

    public static List<String> command(Path device, String action) {
        List<String> command = new ArrayList<>(List.of("qmicli", "-p", "-d", device.toString(), "--device-open-qmi"));
        command.add(action);
        return command;
    }
}
