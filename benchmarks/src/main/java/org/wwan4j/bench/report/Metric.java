package org.wwan4j.bench.report;

import java.util.Objects;

/**
 * One figure of the report: a measured number, or the reason it is missing. A missing figure is printed as
 * {@code null} in JSON and "n/a (reason)" in the table, never as a made-up number.
 */
public record Metric(Double value, String reason) {

    public Metric {
        if (value == null) {
            Objects.requireNonNull(reason, "a missing metric needs a reason");
        } else if (value.isNaN() || value.isInfinite()) {
            throw new IllegalArgumentException("not a measurement: " + value);
        }
    }

    public static Metric of(double value) {
        return new Metric(value, null);
    }

    public static Metric missing(String reason) {
        return new Metric(null, reason);
    }

    public boolean present() {
        return value != null;
    }

    /** a / b, or missing with both reasons when either side is. */
    public static Metric ratio(Metric numerator, Metric denominator) {
        if (!numerator.present()) {
            return missing(numerator.reason());
        }
        if (!denominator.present()) {
            return missing(denominator.reason());
        }
        if (denominator.value() == 0) {
            return missing("denominator is zero");
        }
        return of(numerator.value() / denominator.value());
    }

    /** a - b, or missing when either side is. */
    public static Metric difference(Metric minuend, Metric subtrahend) {
        if (!minuend.present()) {
            return missing(minuend.reason());
        }
        if (!subtrahend.present()) {
            return missing(subtrahend.reason());
        }
        return of(minuend.value() - subtrahend.value());
    }
}
