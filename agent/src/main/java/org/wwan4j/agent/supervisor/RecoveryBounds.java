package org.wwan4j.agent.supervisor;

import java.time.Duration;

/**
 * The bound of each recovery step and the pauses around them. A step that has not brought the modem to answer
 * again (opened, basics read) within its bound counts as failed and the ladder moves on.
 *
 * @param reopen        close and open the port, read the basics
 * @param reset         open if needed (retrying every {@code openRetry}), reset, wait {@code settle}, open again
 * @param rebind        unbind and bind the driver, wait {@code settle}, open again
 * @param settle        pause after a reset or rebind before opening: the port goes away and comes back
 * @param openRetry     pause between open attempts while the reset step waits for the port to answer
 * @param kernelHoldoff after a recovery step or the end of a recovery, kernel errors are only recorded for this
 *                      long: a reset makes the driver log errors of its own, which must not start the next round
 */
public record RecoveryBounds(Duration reopen, Duration reset, Duration rebind, Duration settle, Duration openRetry,
        Duration kernelHoldoff) {

    /** Above the factories' own open bounds (30 s) plus the basic reads. */
    public static final Duration DEFAULT_REOPEN = Duration.ofSeconds(45);
    /** Offline and reset are two requests of 10 s each; a real modem takes 10-30 s to come back. */
    public static final Duration DEFAULT_RESET = Duration.ofSeconds(120);
    public static final Duration DEFAULT_REBIND = Duration.ofSeconds(60);
    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(3);
    public static final Duration DEFAULT_OPEN_RETRY = Duration.ofSeconds(2);
    public static final Duration DEFAULT_KERNEL_HOLDOFF = Duration.ofMinutes(2);

    public static final RecoveryBounds DEFAULTS = new RecoveryBounds(DEFAULT_REOPEN, DEFAULT_RESET, DEFAULT_REBIND,
            DEFAULT_SETTLE, DEFAULT_OPEN_RETRY, DEFAULT_KERNEL_HOLDOFF);
}
