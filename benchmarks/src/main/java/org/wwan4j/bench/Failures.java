package org.wwan4j.bench;

/** Turns an exception into the short reason shown as "n/a (reason)". */
public final class Failures {

    private static final int MAX_REASON = 160;

    private Failures() {}

    public static String reason(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.ExecutionException
                || cause instanceof java.util.concurrent.CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        String reason = message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
        reason = reason.replace('\n', ' ').trim();
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason;
    }
}
