package org.wwan4j.qmi;

import org.wwan4j.glib.GErrors;

/** Registers libqmi's error domains with the runtime, so GErrors become typed exceptions; idempotent. */
final class QmiErrors {

    private static volatile boolean registered;

    private QmiErrors() {
    }

    static void register() {
        if (registered) {
            return;
        }
        // The GIR names the quark functions; libqmi registers the domains under the dashed spelling. Both are
        // registered so a libqmi that spells them differently still gets typed exceptions.
        for (String domain : new String[] {"qmi-core-error-quark", "qmi_core_error_quark"}) {
            GErrors.register(domain, QmiCoreException::new);
        }
        for (String domain : new String[] {"qmi-protocol-error-quark", "qmi_protocol_error_quark"}) {
            GErrors.register(domain, QmiProtocolException::new);
        }
        registered = true;
    }

    /** The exception of a Java-side deadline: the same type and code as libqmi's own timeout. */
    static QmiCoreException deadline(String what, java.time.Duration after) {
        return new QmiCoreException("qmi-core-error-quark", (int) CoreError.TIMEOUT.value(),
                what + ": no answer within " + after + " (Java-side deadline)");
    }
}
