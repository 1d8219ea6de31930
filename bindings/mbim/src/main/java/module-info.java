/** The MBIM API over libmbim: one long-lived device per modem, sessions that survive restarts, indications. */
module org.wwan4j.mbim {
    requires transitive org.wwan4j.glib;
    requires org.slf4j;

    exports org.wwan4j.mbim;
    // org.wwan4j.mbim.ffi (the generated libmbim downcalls) stays inside: its shapes follow the C headers.
}
