package org.wwan4j.emulator.model;

import java.util.List;

/** One address family's settings handed out by the network. */
public record EmulatedIpSettings(String address, int prefix, String gateway, List<String> dns) {
}
