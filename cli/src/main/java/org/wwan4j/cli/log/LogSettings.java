package org.wwan4j.cli.log;

import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * The log level and format of one {@code wwan4j} run, applied as system properties before the first logger is
 * made: SLF4J reads its binding's configuration once, when the first logger is asked for, and the command classes
 * ask for theirs while the command line is still being built. So {@code main} takes these two options from the raw
 * arguments first; picocli parses them again later only to validate them and to show them in {@code --help}.
 *
 * <p>Text goes through slf4j-simple (its {@value #LEVEL_PROPERTY}); JSON lines through
 * {@link JsonLinesServiceProvider}, chosen by SLF4J's {@value #PROVIDER_PROPERTY} property, which reads the same
 * level property so both formats take one setting.
 */
public record LogSettings(String level, LogFormat format) {

    /** slf4j-simple's default level property; also the one {@link JsonLinesLogger} honours. */
    public static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";
    /** SLF4J's explicit choice of binding (since 2.0.9), which wins over whatever else is on the class path. */
    static final String PROVIDER_PROPERTY = "slf4j.provider";
    /** SLF4J's own start-up messages; at warn it stays quiet, so a JSON log holds only JSON. */
    static final String SLF4J_VERBOSITY_PROPERTY = "slf4j.internal.verbosity";
    /** The text format's binding, named as the JSON one is (see {@link #bindWithoutClassPathSearch()}). */
    static final String SIMPLE_PROVIDER = "org.slf4j.simple.SimpleServiceProvider";

    public static final String LEVEL_OPTION = "--log-level";
    public static final String FORMAT_OPTION = "--log-format";
    public static final List<String> LEVELS = List.of("off", "error", "warn", "info", "debug", "trace");

    /**
     * The settings the arguments ask for; a missing or invalid value is left to picocli to report (null here).
     * {@code demo} defaults to warn (unless {@code -D} set a level): its live table is the output, and info logs
     * would scroll it away.
     */
    public static LogSettings fromArguments(String[] args) {
        String level = null;
        LogFormat format = LogFormat.TEXT;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            String value = valueOf(args, i, LEVEL_OPTION);
            if (value != null && LEVELS.contains(value.toLowerCase(Locale.ROOT))) {
                level = value.toLowerCase(Locale.ROOT);
            }
            value = valueOf(args, i, FORMAT_OPTION);
            LogFormat parsed = value == null ? null : LogFormat.parse(value);
            if (parsed != null) {
                format = parsed;
            }
        }
        if (level == null && args.length > 0 && args[0].equals("demo") && System.getProperty(LEVEL_PROPERTY) == null) {
            level = "warn";
        }
        return new LogSettings(level, format);
    }

    /** The value of {@code option} at {@code args[i]}, as {@code --option value} or {@code --option=value}. */
    private static String valueOf(String[] args, int i, String option) {
        if (args[i].equals(option) && i + 1 < args.length) {
            return args[i + 1];
        }
        return args[i].startsWith(option + "=") ? args[i].substring(option.length() + 1) : null;
    }

    /**
     * Sets the properties and binds SLF4J; a level or binding given with {@code -D} on the java command line is kept
     * when none is asked.
     */
    public void apply() {
        if (level != null) {
            System.setProperty(LEVEL_PROPERTY, level);
        }
        if (format == LogFormat.JSON) {
            System.setProperty(PROVIDER_PROPERTY, JsonLinesServiceProvider.class.getName());
        } else if (System.getProperty(PROVIDER_PROPERTY) == null) {
            System.setProperty(PROVIDER_PROPERTY, SIMPLE_PROVIDER);
        }
        if (System.getProperty(SLF4J_VERBOSITY_PROPERTY) == null) {
            System.setProperty(SLF4J_VERBOSITY_PROPERTY, "WARN"); // no note that the binding was named
        }
        bindWithoutClassPathSearch();
    }

    /**
     * Binds SLF4J now, so that it never searches the class path. Looking for bindings (its {@code ServiceLoader})
     * or for slf4j-simple's optional {@code simplelogger.properties} reads every jar on the class path, and each
     * jar read stays open with its central directory on the heap for the life of the process: 1.0 MB for the
     * runtime's jars, 650 kB of it the QMI bindings' (one entry per generated ffi class). The binding is named
     * above; the properties file is looked for through the thread's context class loader, set here to the platform
     * loader, which has no class path to search. Our settings are system properties: there is nothing to find.
     */
    static void bindWithoutClassPathSearch() {
        Thread thread = Thread.currentThread();
        ClassLoader contextLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            LoggerFactory.getILoggerFactory();
        } finally {
            thread.setContextClassLoader(contextLoader);
        }
    }
}
