package org.wwan4j.cli.log;

import java.io.PrintStream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** One {@link JsonLinesLogger} per name, all writing to one stream at one threshold. */
final class JsonLinesLoggerFactory implements ILoggerFactory {

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final JsonLinesLogger.Threshold threshold;
    private final PrintStream out;

    JsonLinesLoggerFactory(JsonLinesLogger.Threshold threshold, PrintStream out) {
        this.threshold = threshold;
        this.out = out;
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new JsonLinesLogger(n, threshold, out));
    }
}
