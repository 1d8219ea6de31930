package org.wwan4j.cli.log;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How log records are written to standard error. */
public enum LogFormat {
    /** slf4j-simple's lines, for people. */
    TEXT,
    /** One JSON object per line, for log shippers. */
    JSON;

    /** The names as the option takes them. */
    public static final List<String> NAMES = Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT))
            .toList();

    /** The format named {@code text} or {@code json}; null for anything else. */
    static LogFormat parse(String name) {
        for (LogFormat format : values()) {
            if (format.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        return null;
    }
}
