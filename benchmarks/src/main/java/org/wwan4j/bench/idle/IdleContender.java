package org.wwan4j.bench.idle;

import java.nio.file.Path;
import java.time.Duration;

/** Something that keeps a modem's status current while nothing happens; measured in CPU per minute of its duty. */
public interface IdleContender {

    String name();

    /** CPU milliseconds it spends per minute of real (unscaled) operation, measured over about {@code window}. */
    double cpuMillisPerMinute(Path device, Duration window) throws Exception;

    /** A line for the report's notes about the last measurement (e.g. where the CPU went), or null. */
    default String note() {
        return null;
    }
}
