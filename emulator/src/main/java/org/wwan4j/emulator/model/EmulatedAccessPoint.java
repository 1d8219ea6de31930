package org.wwan4j.emulator.model;

/**
 * An APN the emulated network accepts, with the credentials it demands. The password never appears in toString,
 * because access points end up in logs.
 */
public record EmulatedAccessPoint(String apn, EmulatedAuth auth, String username, String password) {

    @Override
    public String toString() {
        return "AccessPoint[apn=" + apn + ", auth=" + auth + ", username=" + username
                + ", password=" + (password == null ? "null" : "***") + "]";
    }
}
