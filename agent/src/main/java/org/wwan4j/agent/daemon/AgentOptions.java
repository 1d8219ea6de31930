package org.wwan4j.agent.daemon;

import java.nio.file.Path;
import org.wwan4j.agent.linux.SysfsDiscovery;
import org.wwan4j.agent.supervisor.SupervisorSettings;

/**
 * How the daemon is run; every Linux root is here so tests and the demo point them at a temporary tree.
 *
 * @param configFile  the watched config
 * @param statusFile  where status is written, or null for none
 * @param metricsPort loopback port of the Prometheus endpoint, or null for none (0 = any free port)
 * @param stateDir    persistent state (client IDs...), for the modem factory
 * @param kmsg        kernel log to follow ({@code /dev/kmsg} or a file in its format), or null for none
 * @param sysfsRoot   normally /sys
 * @param devRoot     normally /dev
 * @param resolvDir   per-interface resolv files (EVE: /run/wwan/resolv.conf)
 * @param hotplug     listen to kernel uevents (needs a netlink socket; off in tests)
 * @param settings    supervisor periods
 * @param trimMemory  collect garbage and trim malloc once the agent is quiet after activity (the standalone
 *                    daemon owns its JVM; an application embedding the agent keeps control of its own)
 */
public record AgentOptions(Path configFile, Path statusFile, Integer metricsPort, Path stateDir, Path kmsg,
        Path sysfsRoot, Path devRoot, Path resolvDir, boolean hotplug, SupervisorSettings settings,
        boolean trimMemory) {

    public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/wwan4j");
    public static final Path DEFAULT_RESOLV_DIR = Path.of("/run/wwan/resolv.conf");

    /** The production defaults for a config file. */
    public static AgentOptions defaults(Path configFile) {
        return new AgentOptions(configFile, null, null, DEFAULT_STATE_DIR, null, SysfsDiscovery.DEFAULT_SYSFS_ROOT,
                SysfsDiscovery.DEFAULT_DEV_ROOT, DEFAULT_RESOLV_DIR, true, SupervisorSettings.DEFAULTS, true);
    }

    /**
     * For an application running the agent in its own JVM: the production roots, the given state dir, no status
     * file or metrics endpoint (status comes through {@link AgentListener}), and no memory trim (the JVM is the
     * application's).
     */
    public static AgentOptions embedded(Path configFile, Path stateDir) {
        return new AgentOptions(configFile, null, null, stateDir, null, SysfsDiscovery.DEFAULT_SYSFS_ROOT,
                SysfsDiscovery.DEFAULT_DEV_ROOT, DEFAULT_RESOLV_DIR, true, SupervisorSettings.DEFAULTS, false);
    }
}
