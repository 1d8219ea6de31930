package org.wwan4j.bench.memory;

import java.nio.file.Path;
import java.util.List;

/**
 * Something whose resident memory is compared: the C client, the ModemManager stack, the agent. It runs managing
 * the given emulated modems (QMI ports), waits for steady state and returns the PSS of every process it runs.
 */
public interface MemoryContender {

    /** The report key this contender fills. */
    String key();

    long pssKb(List<Path> devices) throws Exception;

    /** How the last measurement went beyond its number (e.g. "modem enabled"), for the report's notes; or null. */
    default String note() {
        return null;
    }
}
