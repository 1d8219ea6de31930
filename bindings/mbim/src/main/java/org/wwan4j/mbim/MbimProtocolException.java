package org.wwan4j.mbim;

import org.wwan4j.glib.EnumValue;
import org.wwan4j.glib.GErrorException;

/** An error of libmbim's protocol domain: MBIM protocol errors the function reports (NOT_OPENED, FRAGMENT_OUT_OF_SEQUENCE...). */
public class MbimProtocolException extends GErrorException {

    private static final long serialVersionUID = 1L;

    private final transient EnumValue<ProtocolError> error;

    public MbimProtocolException(String domain, int code, String message) {
        super(domain, code, message);
        this.error = ProtocolError.fromValue(Integer.toUnsignedLong(code));
    }

    /** The ProtocolError (unknown codes kept raw). */
    public EnumValue<ProtocolError> error() {
        return error;
    }
}
