package org.wwan4j.qmi;

import org.wwan4j.glib.EnumValue;
import org.wwan4j.glib.GErrorException;

/** The modem answered with a QMI error in the result TLV (e.g. {@link ProtocolError#NO_EFFECT}). */
public class QmiProtocolException extends GErrorException {

    private static final long serialVersionUID = 1L;

    private final transient EnumValue<ProtocolError> error;

    public QmiProtocolException(String domain, int code, String message) {
        super(domain, code, message);
        this.error = ProtocolError.fromValue(code);
    }

    /** The QMI protocol error the modem sent. */
    public EnumValue<ProtocolError> error() {
        return error;
    }
}
