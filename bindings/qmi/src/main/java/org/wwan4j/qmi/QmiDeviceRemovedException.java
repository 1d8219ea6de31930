package org.wwan4j.qmi;

import org.wwan4j.glib.ClosedException;

/**
 * The device went away (libqmi's "device-removed", e.g. the modem was unplugged or reset): every request pending
 * then, and every one after, fails with it. A device its owner closed fails calls with a plain
 * {@link ClosedException}.
 */
public class QmiDeviceRemovedException extends ClosedException {

    private static final long serialVersionUID = 1L;

    public QmiDeviceRemovedException(String message) {
        super(message);
    }
}
