/** The QMI API over libqmi: one long-lived device per modem, persistent client IDs, indications to listeners. */
module org.wwan4j.qmi {
    requires transitive org.wwan4j.glib;
    requires org.slf4j;

    exports org.wwan4j.qmi;
    // org.wwan4j.qmi.ffi (the generated libqmi downcalls) stays inside: its shapes follow the C headers.
}
