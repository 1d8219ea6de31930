package org.wwan4j.emulator.model;

/** PDP/IP type of a bearer or profile. */
public enum EmulatedIpType {
    IPV4, IPV6, IPV4V6;

    public boolean hasIpv4() {
        return this != IPV6;
    }

    public boolean hasIpv6() {
        return this != IPV4;
    }
}
