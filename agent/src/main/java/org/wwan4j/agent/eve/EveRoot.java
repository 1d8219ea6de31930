package org.wwan4j.agent.eve;

import java.nio.file.Path;

/**
 * Where EVE's wwan contract lives under its run directory ({@code /run} on a device): pubsub topics as
 * {@code <agent>/<Topic>/global.json} and their sockets {@code <agent>/<Topic>.sock}, the per-interface resolv files NIM reads, and the modem watchdog files.
 */
public record EveRoot(Path dir) {

    /** EVE's run directory. */
    public static final Path DEFAULT = Path.of("/run");

    /**
     * EVE's global config as zedagent publishes it ({@code types.ConfigItemValueMap}); mmagent subscribes to it
     * for the provider scan switch and the location intervals.
     */
    public Path globalConfig() {
        return dir.resolve("zedagent/ConfigItemValueMap/global.json");
    }

    public Path wwanConfig() {
        return dir.resolve("nim/WwanConfig/global.json");
    }

    public Path wwanStatus() {
        return dir.resolve("wwan/WwanStatus/global.json");
    }

    public Path wwanMetrics() {
        return dir.resolve("wwan/WwanMetrics/global.json");
    }

    public Path wwanLocationInfo() {
        return dir.resolve("wwan/WwanLocationInfo/global.json");
    }

    /** mmagent's cipher topics: one item per encrypted block it tried, keyed by the block's id, beside this file. */
    public Path cipherBlockStatus() {
        return dir.resolve("wwan/CipherBlockStatus/global.json");
    }

    public Path cipherMetrics() {
        return dir.resolve("wwan/CipherMetrics/global.json");
    }

    /**
     * Where a topic of ours is served to pubsub subscribers: EVE's socketdriver listens at
     * {@code /var/run/<agent>/<Topic>.sock} ({@code /var/run} is {@code /run}), beside the topic's directory.
     */
    public Path wwanSocket(String topic) {
        return dir.resolve("wwan/" + topic + ".sock");
    }

    /** NIM reads {@code <iface>.dhcp} here for the DNS servers of each wwan interface. */
    public Path resolvDir() {
        return dir.resolve("wwan/resolv.conf");
    }

    /** Registered with EVE's watchdog: it reboots the device when the touch file of the same name grows old. */
    public Path watchdogRegistration(String label) {
        return dir.resolve("watchdog/file/wwan-modem-" + label + ".touch");
    }

    public Path watchdogTouch(String label) {
        return dir.resolve("wwan-modem-" + label + ".touch");
    }
}
