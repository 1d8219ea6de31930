package org.wwan4j.agent.config;

/**
 * What to do when a modem refuses to turn its radio on until it is FCC-unlocked (laptop modems sold by Dell, Lenovo
 * and HP ship locked to the machine they came in): {@code auto}, the method the vendor quirks table names for the
 * modem's USB/PCI id (the generic QMI one for a modem the table does not know); {@code off}, never unlock; or one
 * method by name. The methods are what libqmi and libmbim can send; the unlock runs only after a power-up failed the
 * way a locked modem fails, then the power-up is retried once.
 */
public enum FccUnlock implements JsonName {
    AUTO("auto", null),
    OFF("off", null),
    /** QMI DMS Set FCC Authentication: Sierra Wireless modules (EM7455, MC7355...) sold by Lenovo, Dell, HP. */
    QMI_DMS("qmi-dms-set-fcc-authentication", Protocol.QMI),
    /**
     * QMI DMS Foxconn Set FCC Authentication: v2 first (an MD5 over the firmware versions and the IMEI), then v1,
     * as Foxconn SDX55 modules (Lenovo T99W175) accept one or the other depending on their firmware.
     */
    QMI_FOXCONN("qmi-dms-foxconn-set-fcc-authentication", Protocol.QMI),
    /** MBIM Quectel Set Radio State on: Quectel EM05-G and EM120R-GL sold by Lenovo. */
    MBIM_QUECTEL("mbim-quectel-set-radio-state", Protocol.MBIM),
    /**
     * A challenge/response over the AT port (Fibocom FM350, Intel XMM7360): known to the table so status can say
     * so, but not something the agent can send; such a modem stays offline until unlocked by other means.
     */
    AT_CHALLENGE("at-challenge", null);

    private final String jsonName;
    private final Protocol protocol;

    FccUnlock(String jsonName, Protocol protocol) {
        this.jsonName = jsonName;
        this.protocol = protocol;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }

    /** Whether this names an unlock method (not auto or off). */
    public boolean isMethod() {
        return this != AUTO && this != OFF;
    }

    /** The protocol the method is sent in, or null when the agent cannot send it at all. */
    public Protocol protocol() {
        return protocol;
    }
}
