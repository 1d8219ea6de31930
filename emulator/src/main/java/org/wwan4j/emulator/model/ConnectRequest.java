package org.wwan4j.emulator.model;

/** A client's request to bring the bearer up; the password is hidden from toString. */
public record ConnectRequest(String apn, EmulatedIpType ipType, EmulatedAuth auth, String username, String password) {

    @Override
    public String toString() {
        return "ConnectRequest[apn=" + apn + ", ipType=" + ipType + ", auth=" + auth + ", username=" + username
                + ", password=" + (password == null ? "null" : "***") + "]";
    }
}
