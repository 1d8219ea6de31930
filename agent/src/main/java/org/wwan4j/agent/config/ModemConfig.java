package org.wwan4j.agent.config;

import java.util.List;

/**
 * One managed modem.
 *
 * @param name              unique label used in status and logs
 * @param match             which physical modem this is
 * @param protocol          auto, qmi or mbim
 * @param interfaceName     network interface to configure; null means the one found beside the control port
 * @param simSlot           0 = keep the current slot, else the 1-based slot to use
 * @param accessPoint       default bearer
 * @param attachAccessPoint LTE initial EPS bearer, or null to leave the modem's own
 * @param preferredPlmns    MCCMNC strings (5 or 6 digits), most preferred first
 * @param preferredRats     most preferred first; empty = modem's choice
 * @param forbidRoaming     refuse to connect while roaming
 * @param mtu               0 = the network's, else the MTU to set
 * @param routeMetric       metric of the default route through this modem
 * @param locationTracking  run GNSS on this modem
 * @param probe             connectivity probe
 * @param recovery          data-stall window and whether the driver may be rebound
 * @param unlock            FCC unlock and SIM PIN
 */
public record ModemConfig(String name, ModemMatch match, Protocol protocol, String interfaceName, int simSlot,
        AccessPoint accessPoint, AccessPoint attachAccessPoint, List<String> preferredPlmns, List<Rat> preferredRats,
        boolean forbidRoaming, int mtu, long routeMetric, boolean locationTracking, ProbeConfig probe,
        RecoveryConfig recovery, UnlockConfig unlock) {

    /** Use the MTU the network announces. */
    public static final int MTU_FROM_NETWORK = 0;
    public static final int DEFAULT_ROUTE_METRIC = 100;

    public ModemConfig {
        preferredPlmns = List.copyOf(preferredPlmns);
        preferredRats = List.copyOf(preferredRats);
        recovery = recovery == null ? RecoveryConfig.DEFAULT : recovery;
        unlock = unlock == null ? UnlockConfig.DEFAULT : unlock;
    }

    /** An entry with the default unlock settings. */
    public ModemConfig(String name, ModemMatch match, Protocol protocol, String interfaceName, int simSlot,
            AccessPoint accessPoint, AccessPoint attachAccessPoint, List<String> preferredPlmns,
            List<Rat> preferredRats, boolean forbidRoaming, int mtu, long routeMetric, boolean locationTracking,
            ProbeConfig probe, RecoveryConfig recovery) {
        this(name, match, protocol, interfaceName, simSlot, accessPoint, attachAccessPoint, preferredPlmns,
                preferredRats, forbidRoaming, mtu, routeMetric, locationTracking, probe, recovery, UnlockConfig.DEFAULT);
    }

    /** An entry with the default recovery settings. */
    public ModemConfig(String name, ModemMatch match, Protocol protocol, String interfaceName, int simSlot,
            AccessPoint accessPoint, AccessPoint attachAccessPoint, List<String> preferredPlmns,
            List<Rat> preferredRats, boolean forbidRoaming, int mtu, long routeMetric, boolean locationTracking,
            ProbeConfig probe) {
        this(name, match, protocol, interfaceName, simSlot, accessPoint, attachAccessPoint, preferredPlmns,
                preferredRats, forbidRoaming, mtu, routeMetric, locationTracking, probe, RecoveryConfig.DEFAULT,
                UnlockConfig.DEFAULT);
    }
}
