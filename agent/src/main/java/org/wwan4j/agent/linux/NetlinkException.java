package org.wwan4j.agent.linux;

import java.io.IOException;

/** The kernel refused a netlink request; the message names the operation, the interface and the reason. */
public final class NetlinkException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int errno;

    public NetlinkException(String operation, String interfaceName, int errno, String reason) {
        super(operation + " on " + interfaceName + ": " + reason + (errno > 0 ? " (errno " + errno + ")" : ""));
        this.errno = errno;
    }

    /** The kernel's errno, positive; 0 when the failure was not an errno (e.g. a timeout). */
    public int errno() {
        return errno;
    }
}
