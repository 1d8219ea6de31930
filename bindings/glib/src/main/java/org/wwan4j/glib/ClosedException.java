package org.wwan4j.glib;

/**
 * A call that cannot complete because what it needs is closed: the device (closed by its owner, or gone: the
 * protocols' {@code ...DeviceRemovedException} are subclasses), one of its clients, or the loop thread. The one
 * "closed" failure of the QMI and MBIM APIs, so callers test a single type.
 *
 * <p>The failure taxonomy of both APIs: a request whose device closed or went away fails with this exception; a
 * request whose deadline passed fails with the protocol's core TIMEOUT error ({@code QmiCoreException},
 * {@code MbimCoreException}), whether libqmi/libmbim or the Java-side deadline ({@link RequestDeadlines}) noticed
 * first; a request its caller cancelled completes with {@link java.util.concurrent.CancellationException}. In
 * every case the native operation is cancelled too, so nothing is left pending.
 *
 * <p>It is an {@link IllegalStateException}: calling on a closed object is one, and callers that caught that
 * before keep working.
 */
public class ClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ClosedException(String message) {
        super(message);
    }

    public ClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
