package org.wwan4j.glib;

/**
 * A {@code GError} raised by GLib, libqmi or libmbim, as an unchecked exception. Each error domain may register a
 * subclass (see {@link GErrors#register}) that also carries the domain's error enum; this class is what unregistered
 * domains get. The message is the library's own and never holds request arguments (so no secret can leak here).
 */
public class GErrorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String domain;
    private final int code;

    public GErrorException(String domain, int code, String message) {
        super(message + " (" + domain + ", code " + code + ")");
        this.domain = domain;
        this.code = code;
    }

    /** The error domain's quark string, e.g. {@code qmi-core-error-quark}. */
    public String domain() {
        return domain;
    }

    /** The raw error code within the domain. */
    public int code() {
        return code;
    }
}
