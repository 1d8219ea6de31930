package org.wwan4j.emulator.model;

/**
 * One LTE attach (initial EPS bearer) context as MBIM's LTE attach configuration keeps them: one per roaming
 * situation (home, partner, non-partner). An empty APN lets the network choose. The password never appears in
 * toString, because contexts end up in logs.
 */
public record EmulatedAttachContext(Roaming roaming, String apn, EmulatedIpType ipType, EmulatedAuth auth,
                                    String username, String password) {

    /** Where the context applies, in the order MBIM lists them. */
    public enum Roaming { HOME, PARTNER, NON_PARTNER }

    /** The modem's own: no APN (the network picks), IPv4v6, no credentials. */
    public static EmulatedAttachContext factory(Roaming roaming) {
        return new EmulatedAttachContext(roaming, "", EmulatedIpType.IPV4V6, EmulatedAuth.NONE, null, null);
    }

    @Override
    public String toString() {
        return "AttachContext[" + roaming + ", apn=" + apn + ", ipType=" + ipType + ", auth=" + auth
                + ", username=" + username + ", password=" + (password == null ? "null" : "***") + "]";
    }
}
