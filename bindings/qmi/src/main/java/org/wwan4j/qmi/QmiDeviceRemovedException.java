package org.wwan4j.qmi;

/** The device went away (libqmi's "device-removed", e.g. the modem was unplugged or reset) or was closed. */
public class QmiDeviceRemovedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QmiDeviceRemovedException(String message) {
        super(message);
    }
}
