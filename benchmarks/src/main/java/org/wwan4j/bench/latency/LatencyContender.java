package org.wwan4j.bench.latency;

import java.nio.file.Path;

/**
 * One way of making a request to a modem, timed per request: the Java client, the C client, a CLI process per
 * request. Implementations are small and independent so a new contender (the idiomatic Java API) is one class.
 */
public interface LatencyContender {

    /** "qmi" or "mbim": which emulator it talks to. */
    String protocol();

    /** The report key of the contender: "java", "c", "qmicli", "qmicli_proxy", ... */
    String name();

    /** Times {@code requests} round trips (after the contender's own warm-up); nanoseconds per request. */
    long[] measure(Path device, int requests) throws Exception;
}
