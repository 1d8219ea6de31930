package org.wwan4j.agent.modem;

import java.util.Objects;
import org.wwan4j.agent.config.Auth;
import org.wwan4j.agent.config.IpType;

/**
 * What a modem needs to bring up a bearer (default or LTE attach): the config's access point with the password
 * already read, so a {@link Modem} never touches files.
 *
 * @param apn      access point name; may be empty
 * @param ipType   requested family
 * @param auth     authentication protocol
 * @param username null when not needed
 * @param password null when not needed; never printed
 */
public record BearerProfile(String apn, IpType ipType, Auth auth, String username, String password) {

    public BearerProfile {
        Objects.requireNonNull(apn, "apn");
        Objects.requireNonNull(ipType, "ipType");
        Objects.requireNonNull(auth, "auth");
    }

    /** Records print their components; this one must not print the password. */
    @Override
    public String toString() {
        return "BearerProfile[apn=" + apn + ", ipType=" + ipType.jsonName() + ", auth=" + auth.jsonName()
                + ", username=" + username + ", password=" + (password == null ? "null" : "(redacted)") + "]";
    }
}
