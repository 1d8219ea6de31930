package org.wwan4j.agent.status;

import org.wwan4j.agent.config.JsonName;

/**
 * How packets are framed between the modem and the host's network interface. Both ends must agree: a modem that
 * sends raw IP to a driver that expects Ethernet frames (or the reverse) says "connected" and passes no traffic.
 * MBIM (NCM) always carries raw IP; a QMI modem is told with WDA Set Data Format, qmi_wwan through its
 * {@code qmi/raw_ip} switch.
 */
public enum DataFormat implements JsonName {
    /** IP packets with no link-layer header: what modems of the last decade need (QMAP off). */
    RAW_IP("raw-ip"),
    /** Ethernet frames with a made-up MAC header: what older QMI firmware and qmi_wwan before Linux 4.5 speak. */
    ETHERNET("802.3");

    private final String jsonName;

    DataFormat(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }
}
