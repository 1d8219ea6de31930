package org.wwan4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.wwan4j.agent.daemon.AgentOptions;
import org.wwan4j.agent.linux.SysfsDiscovery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The daemon's options as picocli reads them, for help, usage errors and every form {@link AgentCommandLine} leaves
 * to picocli; the daemon itself is {@link AgentRun}.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Run the daemon: config in (watched), status file and metrics out. Stops on SIGINT/SIGTERM.")
final class AgentCommand implements Callable<Integer> {

    // The option names, shared with AgentCommandLine, which reads them without picocli for the daemon itself.
    static final String CONFIG = "--config";
    static final String EVE_ROOT = "--eve-root";
    static final String EVE_GLOBAL_CONFIG = "--eve-global-config";
    static final String EVE_MODEM_WATCHDOG = "--eve-modem-watchdog";
    static final String STATUS = "--status";
    static final String METRICS_PORT = "--metrics-port";
    static final String STATE_DIR = "--state-dir";
    static final String KMSG = "--kmsg";
    static final String SYSFS_ROOT = "--sysfs-root";
    static final String DEV_ROOT = "--dev-root";
    static final String MBIM_PROXY = "--mbim-proxy";

    @Option(names = CONFIG, paramLabel = "FILE", description = "Agent config (JSON).")
    Path config;

    @Option(names = EVE_ROOT, paramLabel = "DIR", description = "Run as EVE's wwan service: WwanConfig from "
            + "DIR/nim/WwanConfig, WwanStatus, WwanMetrics, WwanLocationInfo and resolv files under DIR/wwan "
            + "(EVE: /run). Replaces --config.")
    Path eveRoot;

    @Option(names = EVE_GLOBAL_CONFIG, paramLabel = "FILE", description = "With --eve-root: EVE's global "
            + "config (zedagent's ConfigItemValueMap), read at start for the provider scan switch and the location "
            + "interval (default: zedagent/ConfigItemValueMap/global.json under --eve-root).")
    Path eveGlobalConfig;

    @Option(names = EVE_MODEM_WATCHDOG, description = "With --eve-root: register and touch the per-modem "
            + "watchdog files as mmagent does with wwan.modem.recovery.watchdog (EVE then reboots when a modem stays "
            + "gone).")
    boolean eveModemWatchdog;

    @Option(names = STATUS, paramLabel = "FILE", description = "Status file, written atomically on each change.")
    Path status;

    @Option(names = METRICS_PORT, paramLabel = "N", description = "Prometheus text on 127.0.0.1:N/metrics.")
    Integer metricsPort;

    @Option(names = STATE_DIR, paramLabel = "DIR", description = "Persistent client IDs (default: ${DEFAULT-VALUE}).")
    Path stateDir = AgentOptions.DEFAULT_STATE_DIR;

    @Option(names = KMSG, paramLabel = "PATH", description = "Kernel log to follow (/dev/kmsg or a file in its format).")
    Path kmsg;

    @Option(names = SYSFS_ROOT, paramLabel = "DIR", description = "sysfs root (default: ${DEFAULT-VALUE}).")
    Path sysfsRoot = SysfsDiscovery.DEFAULT_SYSFS_ROOT;

    @Option(names = DEV_ROOT, paramLabel = "DIR", description = "Device node root (default: ${DEFAULT-VALUE}).")
    Path devRoot = SysfsDiscovery.DEFAULT_DEV_ROOT;

    @Option(names = MBIM_PROXY, description = "Open every MBIM port through mbim-proxy, sharing it with other "
            + "clients (qmicli/mbimcli -p). Without it only modems with locationTracking go through the proxy, "
            + "which GNSS (QMI over MBIM) on Qualcomm MBIM modems needs.")
    boolean mbimProxy;

    @Override
    public Integer call() throws Exception {
        return AgentRun.run(arguments());
    }

    AgentArguments arguments() {
        return new AgentArguments(config, eveRoot, eveGlobalConfig, eveModemWatchdog, status, metricsPort, stateDir,
                kmsg, sysfsRoot, devRoot, mbimProxy);
    }
}
