package org.wwan4j.agent.linux;

import java.util.function.Consumer;

/**
 * Groups text lines into kmsg records: a record is its header line plus the continuation lines (leading space)
 * that follow it. Used where records arrive as a text stream (a followed file, a pipe) rather than one per read.
 */
final class KmsgLineAssembler {

    /** A record longer than this is cut: the kernel's own limit is about 1 KiB of text plus its dictionary. */
    static final int MAX_RECORD_CHARS = 16 * 1024;

    private final Consumer<String> records;
    private final StringBuilder pending = new StringBuilder();

    KmsgLineAssembler(Consumer<String> records) {
        this.records = records;
    }

    void line(String line) {
        if (KmsgRecord.isContinuation(line)) {
            if (!pending.isEmpty() && pending.length() + line.length() < MAX_RECORD_CHARS) {
                pending.append('\n').append(line);
            }
            return;
        }
        flush();
        if (!line.isBlank()) {
            pending.append(line, 0, Math.min(line.length(), MAX_RECORD_CHARS));
        }
    }

    /** The stream went quiet: the pending record is complete as far as anyone can tell. */
    void flush() {
        if (!pending.isEmpty()) {
            String record = pending.toString();
            pending.setLength(0);
            records.accept(record);
        }
    }
}
