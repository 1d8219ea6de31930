package org.wwan4j.emulator.model;

import java.util.List;

/** One address family's settings handed out by the network. */
public record IpSettings(String address, int prefix, String gateway, List<String> dns) {
}
