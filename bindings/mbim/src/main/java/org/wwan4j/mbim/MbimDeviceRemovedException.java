package org.wwan4j.mbim;

import org.wwan4j.glib.ClosedException;

/**
 * The device went away (libmbim's "device-removed": the port hung up): every request pending then, and every one
 * after, fails with it. A device its owner closed fails calls with a plain {@link ClosedException}.
 */
public final class MbimDeviceRemovedException extends ClosedException {

    private static final long serialVersionUID = 1L;

    public MbimDeviceRemovedException(String message) {
        super(message);
    }
}
