package org.wwan4j.cli.log;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.wwan4j.agent.json.JsonWriter;

/**
 * Writes each record as one JSON object on one line: {@code time} (ISO-8601, UTC), {@code level}, {@code logger},
 * {@code thread}, {@code message}, and {@code error} plus {@code stack} when a throwable came with it. The message
 * is the formatted text the text log would show, nothing more: arguments are not added as fields of their own, so
 * the JSON log carries exactly what the reviewed log statements print (no password ever does).
 */
final class JsonLinesLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    /** The least severe level written; {@code off} writes nothing. */
    record Threshold(int minimum) {

        static final int OFF = Integer.MAX_VALUE;

        /** From the level property {@link LogSettings} sets (info when unset or unknown, as slf4j-simple does). */
        static Threshold fromProperties() {
            String level = System.getProperty(LogSettings.LEVEL_PROPERTY, "info").trim().toUpperCase(Locale.ROOT);
            if (level.equals("OFF")) {
                return new Threshold(OFF);
            }
            try {
                return new Threshold(Level.valueOf(level).toInt());
            } catch (IllegalArgumentException e) {
                return new Threshold(Level.INFO.toInt());
            }
        }

        boolean allows(Level level) {
            return level.toInt() >= minimum;
        }
    }

    private final transient Threshold threshold;
    private final transient PrintStream out;

    JsonLinesLogger(String name, Threshold threshold, PrintStream out) {
        this.name = name;
        this.threshold = threshold;
        this.out = out;
    }

    @Override
    public boolean isTraceEnabled() {
        return threshold.allows(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return threshold.allows(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return threshold.allows(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return threshold.allows(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return threshold.allows(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
            Throwable throwable) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("time", Instant.now().toString());
        record.put("level", level.name().toLowerCase(Locale.ROOT));
        record.put("logger", name);
        record.put("thread", Thread.currentThread().getName());
        record.put("message", MessageFormatter.basicArrayFormat(pattern, arguments));
        if (throwable != null) {
            record.put("error", throwable.toString());
            StringWriter stack = new StringWriter();
            throwable.printStackTrace(new PrintWriter(stack));
            record.put("stack", stack.toString());
        }
        String line = JsonWriter.write(record, false);
        // One println per record: PrintStream locks around it, so lines from different threads never interleave.
        out.println(line);
    }
}
