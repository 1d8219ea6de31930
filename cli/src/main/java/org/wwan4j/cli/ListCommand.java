package org.wwan4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.wwan4j.agent.daemon.AgentOptions;
import org.wwan4j.agent.json.JsonWriter;
import org.wwan4j.agent.linux.DiscoveredModem;
import org.wwan4j.agent.linux.SysfsDiscovery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The modems this machine has, as sysfs describes them (what {@code mmcli -L} lists), and which of them a running
 * agent manages. Reads sysfs and the agent's status file only: no modem is opened, so it works beside the agent.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the modems in sysfs: control port, driver, protocol, USB/PCI address, network "
                + "interface, and the running agent's name for the ones it manages.")
final class ListCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print {\"agent\": PID or null, \"modems\": [...]} as JSON.")
    boolean json;

    @Option(names = "--sysfs-root", paramLabel = "DIR", description = "sysfs root (default: ${DEFAULT-VALUE}).")
    Path sysfsRoot = SysfsDiscovery.DEFAULT_SYSFS_ROOT;

    @Option(names = "--dev-root", paramLabel = "DIR", description = "Device node root (default: ${DEFAULT-VALUE}).")
    Path devRoot = SysfsDiscovery.DEFAULT_DEV_ROOT;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "The agent's state dir, to tell which modems it manages (default: ${DEFAULT-VALUE}).")
    Path stateDir = AgentOptions.DEFAULT_STATE_DIR;

    @Override
    public Integer call() {
        List<DiscoveredModem> modems = new SysfsDiscovery(sysfsRoot, devRoot).discover();
        Optional<RunningAgent> agent = runningAgent();
        List<Map<String, Object>> listed = new ArrayList<>();
        for (DiscoveredModem modem : modems) {
            listed.add(fields(modem, agent.flatMap(a -> managedBy(a, modem)).orElse(null)));
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("agent", agent.map(a -> a.run().pid()).orElse(null));
            out.put("modems", listed);
            System.out.println(JsonWriter.write(out, true));
        } else if (listed.isEmpty()) {
            System.out.println("no modems found in " + sysfsRoot.resolve("class/usbmisc") + " or "
                    + sysfsRoot.resolve("class/wwan"));
        } else {
            TextTable table = new TextTable("DEVICE", "DRIVER", "PROTOCOL", "ADDRESS", "INTERFACE", "AGENT");
            for (Map<String, Object> m : listed) {
                table.add(m.get("device"), m.get("driver"), m.get("protocol"), address(m), m.get("interface"),
                        m.get("managedBy"));
            }
            System.out.print(table);
        }
        return 0;
    }

    private static String address(Map<String, Object> modem) {
        if (modem.get("usb") != null) {
            return "usb " + modem.get("usb");
        }
        return modem.get("pci") == null ? null : "pci " + modem.get("pci");
    }

    /** The names match the config's {@code match} keys, so a listed modem can be pasted into a config. */
    private static Map<String, Object> fields(DiscoveredModem modem, String managedBy) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", modem.controlDevice().toString());
        m.put("port", modem.port());
        m.put("driver", modem.driver());
        m.put("protocol", modem.protocol().jsonName());
        m.put("usb", modem.usbAddress());
        m.put("usbInterface", modem.usbInterface());
        m.put("pci", modem.pciAddress());
        m.put("interface", modem.interfaceName());
        m.put("managedBy", managedBy);
        return m;
    }

    /** The agent with its status when one runs and can be read; the listing never fails for want of one. */
    private Optional<RunningAgent> runningAgent() {
        try {
            return Optional.of(RunningAgent.fromStateDir(stateDir));
        } catch (CliFailure e) {
            return Optional.empty();
        }
    }

    /** The config name of the agent's modem on this control port; unmanaged modems in its status have none. */
    private static Optional<String> managedBy(RunningAgent agent, DiscoveredModem modem) {
        return agent.modems().stream()
                .filter(m -> m.get("name") instanceof String && m.get("device") instanceof String device
                        && modem.hasDevice(device))
                .map(m -> (String) m.get("name")).findFirst();
    }
}
