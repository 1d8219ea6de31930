package org.wwan4j.qmi;

import org.wwan4j.glib.EnumValue;
import org.wwan4j.glib.GErrorException;

/** A libqmi core error (the request timed out, the device is closed or went away...), or a Java-side deadline. */
public class QmiCoreException extends GErrorException {

    private static final long serialVersionUID = 1L;

    private final transient EnumValue<CoreError> error;

    public QmiCoreException(String domain, int code, String message) {
        super(domain, code, message);
        this.error = CoreError.fromValue(code);
    }

    /** The core error, e.g. {@link CoreError#TIMEOUT}. */
    public EnumValue<CoreError> error() {
        return error;
    }
}
