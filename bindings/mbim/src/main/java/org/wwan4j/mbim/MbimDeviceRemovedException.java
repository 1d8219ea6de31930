package org.wwan4j.mbim;

/** The device went away (libmbim's "device-removed": the port hung up) while a request was pending. */
public final class MbimDeviceRemovedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MbimDeviceRemovedException(String message) {
        super(message);
    }
}
