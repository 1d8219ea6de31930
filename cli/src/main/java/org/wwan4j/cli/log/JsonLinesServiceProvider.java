package org.wwan4j.cli.log;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding behind {@code --log-format json}. Deliberately not listed in {@code META-INF/services}: SLF4J
 * would then find two bindings on every run; {@link LogSettings} names it through {@code slf4j.provider} instead.
 * No MDC: nothing in wwan4j sets one, and it is one less way for a value to reach the log unreviewed.
 */
public final class JsonLinesServiceProvider implements SLF4JServiceProvider {

    /** The SLF4J API generation this binding is written against. */
    public static final String REQUESTED_API_VERSION = "2.0.99";

    private JsonLinesLoggerFactory loggerFactory;
    private IMarkerFactory markerFactory;
    private MDCAdapter mdcAdapter;

    @Override
    public void initialize() {
        loggerFactory = new JsonLinesLoggerFactory(JsonLinesLogger.Threshold.fromProperties(), System.err);
        markerFactory = new BasicMarkerFactory();
        mdcAdapter = new NOPMDCAdapter();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return REQUESTED_API_VERSION;
    }
}
