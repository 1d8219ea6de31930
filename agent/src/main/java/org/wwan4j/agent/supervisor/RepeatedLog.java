package org.wwan4j.agent.supervisor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps a modem that fails the same way for hours from writing the same log line at every retry: the first
 * occurrence of a message is logged, then only the 10th, 100th, 1000th... with their count, and when the modem
 * works again one line says how many were held back.
 *
 * <p>Not thread-safe: owned by one supervisor thread.
 */
final class RepeatedLog {

    /** Distinct messages remembered; a modem failing in more ways than this at once forgets the oldest. */
    static final int TRACKED_MESSAGES = 32;

    private final Map<String, Integer> counts = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > TRACKED_MESSAGES;
        }
    };
    private int heldBack;

    /** The line to log for this occurrence of the message, or null to stay quiet. */
    String admit(String message) {
        int seen = counts.merge(message, 1, Integer::sum);
        if (seen == 1) {
            return message;
        }
        if (isPowerOfTen(seen)) {
            return message + " (" + seen + " times since the modem last worked)";
        }
        heldBack++;
        return null;
    }

    /** The modem works again: the summary line of what was held back (null when nothing was), and a fresh start. */
    String clear() {
        String summary = heldBack == 0 ? null : heldBack + " repeated failure messages were not logged";
        counts.clear();
        heldBack = 0;
        return summary;
    }

    private static boolean isPowerOfTen(int n) {
        int v = n;
        while (v % 10 == 0) {
            v /= 10;
        }
        return v == 1;
    }
}
