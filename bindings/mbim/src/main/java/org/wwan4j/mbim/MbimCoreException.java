package org.wwan4j.mbim;

import org.wwan4j.glib.EnumValue;
import org.wwan4j.glib.GErrorException;

/** An error of libmbim's core domain: libmbim's own failures (TIMEOUT, WRONG_STATE, ABORTED...). */
public class MbimCoreException extends GErrorException {

    private static final long serialVersionUID = 1L;

    private final transient EnumValue<CoreError> error;

    public MbimCoreException(String domain, int code, String message) {
        super(domain, code, message);
        this.error = CoreError.fromValue(Integer.toUnsignedLong(code));
    }

    /** The CoreError (unknown codes kept raw). */
    public EnumValue<CoreError> error() {
        return error;
    }
}
