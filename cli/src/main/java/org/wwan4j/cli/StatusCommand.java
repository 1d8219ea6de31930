package org.wwan4j.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.wwan4j.agent.daemon.AgentOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The running agent's status, read from the status file its run record names: the agent keeps holding its
 * modems, and this command never opens one.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the running agent's status (from its status file; works while it holds the modems).")
final class StatusCommand implements Callable<Integer> {

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "The agent's state dir, where it records its process and status file "
                    + "(default: ${DEFAULT-VALUE}).")
    Path stateDir = AgentOptions.DEFAULT_STATE_DIR;

    @Option(names = "--status", paramLabel = "FILE",
            description = "Read this status file instead of the one the agent's run record names.")
    Path statusFile;

    @Option(names = "--json", description = "Print the status file as it is (the agent's status JSON).")
    boolean json;

    @Override
    public Integer call() {
        RunningAgent agent = statusFile != null ? RunningAgent.fromStatusFile(statusFile)
                : RunningAgent.fromStateDir(stateDir);
        if (json) {
            System.out.print(agent.statusText());
            return 0;
        }
        System.out.print(text(agent));
        return 0;
    }

    /** A header naming the source, then one line per modem with what an operator checks first. */
    static String text(RunningAgent agent) {
        StringBuilder out = new StringBuilder();
        out.append(agent.run() == null ? "" : "agent process " + agent.run().pid() + ", ")
                .append("status ").append(agent.statusFile()).append(", updated ")
                .append(agent.status().get("updated")).append('\n');
        if (Boolean.TRUE.equals(agent.status().get("radioSilence"))) {
            out.append("radio silence is on\n");
        }
        if (agent.status().get("configError") != null) {
            out.append("config error: ").append(agent.status().get("configError")).append('\n');
        }
        TextTable table = new TextTable("MODEM", "DEVICE", "PROTOCOL", "HEALTH", "REGISTRATION", "OPERATOR",
                "RSSI", "BEARER", "LAST ERROR");
        for (Map<String, Object> modem : agent.modems()) {
            Map<String, Object> health = object(modem, "health");
            Map<String, Object> registration = object(modem, "registration");
            Map<String, Object> signal = object(modem, "signal");
            table.add(modem.get("name"), modem.get("device"), modem.get("protocol"), health.get("state"),
                    registration.get("state"), registration.get("operator"),
                    signal.get("rssi") == null ? null : signal.get("rssi") + " dBm", bearer(object(modem, "bearer")),
                    health.get("lastError"));
        }
        return out.append(agent.modems().isEmpty() ? "no modems\n" : table.toString()).toString();
    }

    private static String bearer(Map<String, Object> bearer) {
        if (!Boolean.TRUE.equals(bearer.get("connected"))) {
            return "disconnected";
        }
        Map<String, Object> ipv4 = object(bearer, "ipv4");
        String address = ipv4.get("address") == null ? "connected" : ipv4.get("address") + "/" + ipv4.get("prefix");
        return bearer.get("apn") == null ? address : address + " (" + bearer.get("apn") + ")";
    }

    /** A nested object, empty when absent or null. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
