package org.wwan4j.agent.config;

import java.nio.file.Path;

/**
 * Bearer settings: the default bearer's, or the LTE attach bearer's.
 *
 * @param apn          access point name; may be empty (some networks assign one)
 * @param ipType       requested IP family
 * @param auth         authentication protocol
 * @param username     null when not needed
 * @param passwordFile file holding the password (preferred: keeps it out of the config), or null
 * @param password     inline password, or null; never printed
 */
public record AccessPoint(String apn, IpType ipType, Auth auth, String username, Path passwordFile, String password) {

    /** The schema's default: APN "internet", IPv4, no authentication. */
    public static final AccessPoint DEFAULT = new AccessPoint("internet", IpType.IPV4, Auth.NONE, null, null, null);

    public boolean hasPassword() {
        return password != null || passwordFile != null;
    }

    /** Records print their components; this one must not print the password. */
    @Override
    public String toString() {
        return "AccessPoint[apn=" + apn + ", ipType=" + ipType.jsonName() + ", auth=" + auth.jsonName()
                + ", username=" + username + ", passwordFile=" + passwordFile
                + ", password=" + (password == null ? "null" : "(redacted)") + "]";
    }
}
