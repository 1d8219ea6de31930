package org.wwan4j.qmi;

import org.wwan4j.glib.GErrors;

/** Registers libqmi's error domains with the runtime, so GErrors become typed exceptions; idempotent. */
final class QmiErrors {

    static final String CORE_DOMAIN = "qmi_core_error_quark";
    static final String PROTOCOL_DOMAIN = "qmi_protocol_error_quark";

    private static volatile boolean registered;

    private QmiErrors() {
    }

    static void register() {
        if (registered) {
            return;
        }
        // libqmi registers its domains under the quark function names (the GIR's glib:error-domain); the
        // library holds no other spelling.
        GErrors.register(CORE_DOMAIN, QmiCoreException::new);
        GErrors.register(PROTOCOL_DOMAIN, QmiProtocolException::new);
        registered = true;
    }

    /** The exception of a Java-side deadline: the same type and code as libqmi's own timeout. */
    static QmiCoreException deadline(String what, java.time.Duration after) {
        return new QmiCoreException(CORE_DOMAIN, (int) CoreError.TIMEOUT.value(),
                what + ": no answer within " + after + " (Java-side deadline)");
    }
}
