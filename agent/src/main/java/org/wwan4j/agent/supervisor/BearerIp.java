package org.wwan4j.agent.supervisor;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.config.ModemConfig;
import org.wwan4j.agent.modem.BearerSettings;

/**
 * The IP side of one modem's data session: the bearer's settings as the modem gave them, and the network interface
 * they were put on through the {@link IpConfigurator} (addresses, routes and DNS over rtnetlink in production). It
 * remembers the interface it applied to, so that exactly that one is cleaned when the bearer goes, the port is
 * reopened or the modem disappears, even if the config has named another interface since.
 *
 * <p>Owned by the supervisor's thread.
 */
final class BearerIp {

    /** Logged under the supervisor's name: one modem's story is one stream in the log. */
    private static final Logger LOG = LoggerFactory.getLogger(ModemSupervisor.class);

    private final String key;
    private final IpConfigurator ip;
    private String discoveredInterface;
    private BearerSettings settings;
    private String appliedInterface;

    BearerIp(String key, IpConfigurator ip) {
        this.key = key;
        this.ip = ip;
    }

    /** The interface discovery found with the modem (null when it knows none). */
    void discovered(String interfaceName) {
        discoveredInterface = interfaceName;
    }

    /** Where the bearer's settings go: the config's interface name wins over the discovered one; null if neither. */
    String interfaceFor(Desired desired) {
        if (desired.managed() && desired.config().interfaceName() != null) {
            return desired.config().interfaceName();
        }
        return discoveredInterface;
    }

    /** The kernel's framing switch of the interface, for the modem to negotiate against; null when unknown. */
    org.wwan4j.agent.modem.KernelDataFormat kernelDataFormat(Desired desired) {
        String name = interfaceFor(desired);
        return name == null ? null : ip.kernelDataFormat(name);
    }

    /** The settings of the bearer that is up, or null. */
    BearerSettings settings() {
        return settings;
    }

    /** The interface the settings were applied to, or null when none were. */
    String appliedInterface() {
        return appliedInterface;
    }

    boolean hasBearer() {
        return settings != null;
    }

    /**
     * The bearer came up: keeps its settings and applies them to the interface.
     *
     * @param interfaceName null when no interface is known: the settings are kept, nothing is applied
     * @return whether they were applied
     * @throws IOException when applying failed (the settings are kept, so a reconnect still disconnects first)
     */
    boolean up(BearerSettings bearer, String interfaceName, ModemConfig config) throws IOException {
        settings = bearer;
        if (interfaceName == null) {
            return false;
        }
        ip.apply(interfaceName, bearer, config.mtu(), config.routeMetric());
        appliedInterface = interfaceName;
        return true;
    }

    /** Whether settings are on an interface, so that a changed MTU or route metric can be re-applied. */
    boolean isApplied() {
        return settings != null && appliedInterface != null;
    }

    /** Applies the same settings again with the config's MTU and route metric. */
    void reapply(ModemConfig config) throws IOException {
        ip.apply(appliedInterface, settings, config.mtu(), config.routeMetric());
    }

    /** The bearer went down or is being taken down: its settings come off the interface and are forgotten. */
    void down() {
        removeFromInterface();
        settings = null;
    }

    /**
     * Takes the settings off the interface, keeping what the bearer gave. A failure is only logged: the bearer is
     * going anyway, and the next apply replaces what is left.
     */
    void removeFromInterface() {
        if (appliedInterface == null) {
            return;
        }
        try {
            ip.remove(appliedInterface);
        } catch (IOException e) {
            LOG.warn("{}: removing IP settings from {}: {}", key, appliedInterface, e.getMessage());
        }
        appliedInterface = null;
    }

    /** The port was closed: the settings the modem gave belong to a session this supervisor no longer holds. */
    void forgetBearer() {
        settings = null;
    }
}
