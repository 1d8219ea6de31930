package org.wwan4j.agent.linux;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kernel log record in the {@code /dev/kmsg} format: {@code prio,seq,usec,flags;message}, optionally followed
 * by continuation lines {@code " KEY=value"} (the device dictionary). {@code dmesg}-style lines
 * ({@code [ 1234.567890] message}) are accepted too, so a captured {@code dmesg} can be replayed.
 *
 * @param priority        syslog facility &lt;&lt; 3 | level, as the kernel writes it
 * @param sequence        the kernel's record number; -1 when not known (dmesg lines)
 * @param timestampMicros monotonic time since boot, microseconds
 * @param message         the text, with the kernel's {@code \xNN} escapes decoded
 * @param properties      the continuation lines, e.g. SUBSYSTEM=usb, DEVICE=c189:5
 */
public record KmsgRecord(int priority, long sequence, long timestampMicros, String message,
        Map<String, String> properties) {

    private static final Pattern KMSG_HEADER = Pattern.compile("(\\d+),(\\d+),(\\d+),[^;]*;(.*)", Pattern.DOTALL);
    private static final Pattern DMESG_LINE = Pattern.compile("\\[\\s*(\\d+)\\.(\\d{1,6})\\]\\s?(.*)", Pattern.DOTALL);
    /** Level part of the priority: 0 emerg .. 7 debug. */
    private static final int LEVEL_MASK = 7;
    /** Priority of a dmesg line without one: KERN_WARNING, so nothing is mistaken for debug noise. */
    private static final int UNKNOWN_PRIORITY = 4;

    public KmsgRecord {
        properties = Map.copyOf(properties);
    }

    public int level() {
        return priority & LEVEL_MASK;
    }

    /** Whether a line begins a new record (continuation lines begin with a space). */
    static boolean isContinuation(String line) {
        return line.startsWith(" ");
    }

    /**
     * Parses one record: a header line, then any continuation lines, separated by '\n' (one read of
     * {@code /dev/kmsg} returns exactly this).
     */
    public static Optional<KmsgRecord> parse(String text) {
        String[] lines = text.split("\n");
        if (lines.length == 0 || lines[0].isEmpty() || isContinuation(lines[0])) {
            return Optional.empty();
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int eq = line.indexOf('=');
            if (isContinuation(line) && eq > 1) {
                properties.put(line.substring(1, eq), unescape(line.substring(eq + 1)));
            }
        }
        Matcher kmsg = KMSG_HEADER.matcher(lines[0]);
        if (kmsg.matches()) {
            try {
                return Optional.of(new KmsgRecord(Integer.parseInt(kmsg.group(1)), Long.parseLong(kmsg.group(2)),
                        Long.parseLong(kmsg.group(3)), unescape(kmsg.group(4)), properties));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        Matcher dmesg = DMESG_LINE.matcher(lines[0]);
        if (dmesg.matches()) {
            String micros = (dmesg.group(2) + "00000").substring(0, 6);
            return Optional.of(new KmsgRecord(UNKNOWN_PRIORITY, -1,
                    Long.parseLong(dmesg.group(1)) * 1_000_000 + Long.parseLong(micros), dmesg.group(3), properties));
        }
        return Optional.of(new KmsgRecord(UNKNOWN_PRIORITY, -1, 0, lines[0], properties));
    }

    /** The kernel escapes non-printable bytes (and backslash) as {@code \xNN}. */
    static String unescape(String text) {
        if (text.indexOf("\\x") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 3 < text.length() && text.charAt(i + 1) == 'x' && isHex(text, i + 2) && isHex(text, i + 3)) {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(String text, int index) {
        return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
    }
}
