package org.wwan4j.bench.proc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures the harness takes from {@code jcmd PID VM.native_memory summary scale=KB}: what the JVM holds in malloc
 * (NMT's own malloc total), what NMT itself costs (its "Native Memory Tracking" category), metaspace in use (its
 * non-class part plus class space), classes loaded and threads. Everything in kB except the two counts.
 */
public record NativeMemorySummary(long mallocKb, long trackingKb, long metaspaceUsedKb, long classes, long threads) {

    private static final Pattern MALLOC_TOTAL = Pattern.compile("^\\s*malloc:\\s*(\\d+)KB", Pattern.MULTILINE);
    private static final Pattern TRACKING =
            Pattern.compile("Native Memory Tracking \\(reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern METADATA_USED = Pattern.compile("Metadata:.*?used=(\\d+)KB", Pattern.DOTALL);
    private static final Pattern CLASS_SPACE_USED = Pattern.compile("Class space:.*?used=(\\d+)KB", Pattern.DOTALL);
    private static final Pattern CLASSES = Pattern.compile("\\(classes #(\\d+)\\)");
    private static final Pattern THREADS = Pattern.compile("\\(threads #(\\d+)\\)");

    public static NativeMemorySummary parse(String summary) {
        return new NativeMemorySummary(number(MALLOC_TOTAL, summary), number(TRACKING, summary),
                number(METADATA_USED, summary) + optional(CLASS_SPACE_USED, summary), number(CLASSES, summary),
                number(THREADS, summary));
    }

    private static long number(Pattern pattern, String summary) {
        Matcher matcher = pattern.matcher(summary);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no " + pattern.pattern() + " in the NMT summary");
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Class space is absent without compressed class pointers; then it holds nothing. */
    private static long optional(Pattern pattern, String summary) {
        Matcher matcher = pattern.matcher(summary);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
