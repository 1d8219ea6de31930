package org.wwan4j.mbim;

import org.wwan4j.glib.EnumValue;
import org.wwan4j.glib.GErrorException;

/** An error of libmbim's status domain: a command the modem answered with a failure status (see StatusError). */
public class MbimStatusException extends GErrorException {

    private static final long serialVersionUID = 1L;

    private final transient EnumValue<StatusError> error;

    public MbimStatusException(String domain, int code, String message) {
        super(domain, code, message);
        this.error = StatusError.fromValue(Integer.toUnsignedLong(code));
    }

    /** The StatusError (unknown codes kept raw). */
    public EnumValue<StatusError> error() {
        return error;
    }
}
