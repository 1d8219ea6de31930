package org.wwan4j.agent.mbim;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.wwan4j.agent.status.Power;

/**
 * The MBIM stand-in for a modem reset: Basic Connect has no reset command, so the radio is turned off and on
 * again, which makes the modem detach, drop its data sessions and register afresh.
 */
final class MbimRadioCycle {

    private MbimRadioCycle() {
    }

    /** @param setRadio sets the radio state (low power = off), as {@link MbimModem#setPower} does */
    static CompletableFuture<Void> run(Function<Power, CompletableFuture<Void>> setRadio) {
        return setRadio.apply(Power.LOW_POWER).thenCompose(off -> setRadio.apply(Power.ONLINE));
    }
}
