/**
 * The modem agent as a library: config in, status and metrics out, QMI and MBIM modems behind one model, the
 * supervisor and policies, the Linux side (sysfs, uevents, rtnetlink, kernel log). Binds no logger and parses no
 * command line: the {@code wwan4j} command line is its own module.
 */
module org.wwan4j.agent {
    requires transitive org.wwan4j.qmi;
    requires transitive org.wwan4j.mbim;
    requires org.slf4j;
    requires jdk.httpserver;

    exports org.wwan4j.agent.config;
    exports org.wwan4j.agent.daemon;
    exports org.wwan4j.agent.eve;
    exports org.wwan4j.agent.json;
    exports org.wwan4j.agent.linux;
    exports org.wwan4j.agent.mbim;
    exports org.wwan4j.agent.modem;
    exports org.wwan4j.agent.policy;
    exports org.wwan4j.agent.qmi;
    exports org.wwan4j.agent.quirks;
    exports org.wwan4j.agent.status;
    exports org.wwan4j.agent.supervisor;
    exports org.wwan4j.agent.view;
}
