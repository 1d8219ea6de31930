package org.wwan4j.agent.policy;

import java.io.IOException;
import java.util.Objects;
import org.wwan4j.agent.config.AccessPoint;
import org.wwan4j.agent.config.ModemConfig;
import org.wwan4j.agent.modem.BearerProfile;

/** Turns a modem's config entry into what {@link org.wwan4j.agent.modem.Modem} calls take. */
public final class ConnectPolicy {

    private final PasswordSource passwords;

    public ConnectPolicy(PasswordSource passwords) {
        this.passwords = Objects.requireNonNull(passwords, "passwords");
    }

    /** The default bearer; reads the password now (never logged). */
    public BearerProfile defaultBearer(ModemConfig config) throws IOException {
        return profile(config.accessPoint() == null ? AccessPoint.DEFAULT : config.accessPoint());
    }

    /** The attach bearer, or null when the config leaves the modem's own. */
    public BearerProfile attachBearer(ModemConfig config) throws IOException {
        return config.attachAccessPoint() == null ? null : profile(config.attachAccessPoint());
    }

    public boolean allowRoaming(ModemConfig config) {
        return !config.forbidRoaming();
    }

    /** Whether RAT or PLMN preferences must be sent at all (an empty config leaves the modem's own). */
    public boolean hasPreferences(ModemConfig config) {
        return !config.preferredRats().isEmpty() || !config.preferredPlmns().isEmpty();
    }

    private BearerProfile profile(AccessPoint ap) throws IOException {
        String password = passwords.password(ap).orElse(null);
        return new BearerProfile(ap.apn() == null ? "" : ap.apn(), ap.ipType(), ap.auth(), ap.username(), password);
    }
}
