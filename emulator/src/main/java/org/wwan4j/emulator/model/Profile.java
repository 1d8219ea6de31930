package org.wwan4j.emulator.model;

/** A stored data profile (context) on the modem; the password is hidden from toString. */
public record Profile(int index, String name, String apn, EmulatedIpType ipType, EmulatedAuth auth, String username,
        String password) {

    @Override
    public String toString() {
        return "Profile[index=" + index + ", name=" + name + ", apn=" + apn + ", ipType=" + ipType + ", auth=" + auth
                + ", username=" + username + ", password=" + (password == null ? "null" : "***") + "]";
    }
}
