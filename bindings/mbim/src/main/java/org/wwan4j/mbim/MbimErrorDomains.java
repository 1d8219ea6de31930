package org.wwan4j.mbim;

import org.wwan4j.glib.GErrors;

/**
 * Registers libmbim's GError domains (their quark strings) with the runtime, once per process. libmbim 1.28 names
 * its quarks with underscores ({@code mbim_status_error_quark}); the dashed spelling is registered too, as GLib's
 * usual convention, so either build of the library maps to the same exceptions.
 */
final class MbimErrorDomains {

    static final String CORE = "mbim_core_error_quark";
    static final String PROTOCOL = "mbim_protocol_error_quark";
    static final String STATUS = "mbim_status_error_quark";

    private MbimErrorDomains() {}

    static {
        for (String separator : new String[] {"_", "-"}) {
            GErrors.register(CORE.replace("_", separator), MbimCoreException::new);
            GErrors.register(PROTOCOL.replace("_", separator), MbimProtocolException::new);
            GErrors.register(STATUS.replace("_", separator), MbimStatusException::new);
        }
    }

    /** Loads this class, which registers the domains. */
    static void ensureRegistered() {
        // the static initializer did the work
    }
}
