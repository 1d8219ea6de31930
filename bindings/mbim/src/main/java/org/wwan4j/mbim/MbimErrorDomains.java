package org.wwan4j.mbim;

import org.wwan4j.glib.GErrors;

/** Registers libmbim's GError domains (their quark strings) with the runtime, once per process. */
final class MbimErrorDomains {

    static final String CORE = "mbim-core-error-quark";
    static final String PROTOCOL = "mbim-protocol-error-quark";
    static final String STATUS = "mbim-status-error-quark";

    private MbimErrorDomains() {}

    static {
        GErrors.register(CORE, MbimCoreException::new);
        GErrors.register(PROTOCOL, MbimProtocolException::new);
        GErrors.register(STATUS, MbimStatusException::new);
    }

    /** Loads this class, which registers the domains. */
    static void ensureRegistered() {
        // the static initializer did the work
    }
}
