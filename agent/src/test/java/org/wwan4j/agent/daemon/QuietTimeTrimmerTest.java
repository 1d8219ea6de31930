package org.wwan4j.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.testing.ManualScheduler;

/** The memory trim runs once the agent is quiet after activity, rate-limited, and never wakes an idle agent. */
class QuietTimeTrimmerTest {

    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final Duration FIRST_CYCLE = Duration.ofMinutes(1);
    private static final Duration MIN_INTERVAL = Duration.ofMinutes(10);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicInteger trims = new AtomicInteger();
    private final AtomicInteger releases = new AtomicInteger();
    private final QuietTimeTrimmer trimmer = new QuietTimeTrimmer(scheduler, QUIET, FIRST_CYCLE, MIN_INTERVAL,
            trims::incrementAndGet, releases::incrementAndGet);

    private void statusChange() {
        trimmer.statusChanged(null);
    }

    @Test
    void anIdleAgentArmsNothing() {
        scheduler.advance(Duration.ofHours(1));
        assertEquals(0, trims.get());
        assertNull(scheduler.nextDelay(), "no timer without activity");
    }

    @Test
    void trimsOnceTheStartUpBurstIsOver() {
        for (int i = 0; i < 10; i++) {
            statusChange();
            scheduler.advance(Duration.ofMillis(500)); // a connect sequence: a change every half second
        }
        assertEquals(0, trims.get(), "not during the burst");
        scheduler.advance(QUIET);
        assertEquals(1, trims.get());
        assertEquals(0, releases.get(), "malloc is trimmed after the cleaners had their turn, not with the collection");
        scheduler.advance(QuietTimeTrimmer.RELEASE_DELAY);
        assertEquals(1, releases.get());
        assertNull(scheduler.nextDelay(), "nothing left armed once trimmed");
        scheduler.advance(Duration.ofHours(1));
        assertEquals(1, trims.get());
    }

    @Test
    void theFirstRunOfThePeriodicWorkIsTrimmedOnceItsCycleHasPassed() {
        statusChange(); // start-up
        scheduler.advance(QUIET);
        assertEquals(1, trims.get());
        scheduler.advance(Duration.ofSeconds(30));
        statusChange(); // the first counters refresh, half a cycle after the start-up trim
        scheduler.advance(QUIET);
        assertEquals(1, trims.get(), "not before a whole cycle has passed since the start-up trim");
        scheduler.advance(FIRST_CYCLE.minus(Duration.ofSeconds(30)).minus(QUIET));
        assertEquals(2, trims.get(), "the pages only the first run needed are handed back");
        scheduler.advance(Duration.ofSeconds(50));
        statusChange(); // the next refresh: the usual interval from now on
        scheduler.advance(FIRST_CYCLE.plus(QUIET));
        assertEquals(2, trims.get());
        scheduler.advance(MIN_INTERVAL);
        assertEquals(3, trims.get());
        scheduler.advance(QuietTimeTrimmer.RELEASE_DELAY);
        assertEquals(3, releases.get());
    }

    @Test
    void aLaterBurstIsTrimmedNoSoonerThanTheMinimumInterval() {
        statusChange();
        scheduler.advance(QUIET);
        assertEquals(1, trims.get());
        statusChange(); // the first cycle's refresh
        scheduler.advance(FIRST_CYCLE);
        assertEquals(2, trims.get());
        scheduler.advance(Duration.ofMinutes(1));
        statusChange(); // a reconnect a minute later
        scheduler.advance(Duration.ofMinutes(5));
        assertEquals(2, trims.get(), "rate-limited");
        scheduler.advance(MIN_INTERVAL);
        assertEquals(3, trims.get(), "trimmed once the interval allowed it");
        assertEquals(3, releases.get());
        assertNull(scheduler.nextDelay());
    }

    @Test
    void closingCancelsAPendingTrim() {
        statusChange();
        trimmer.close();
        scheduler.advance(Duration.ofMinutes(1));
        assertEquals(0, trims.get());
        statusChange();
        assertNull(scheduler.nextDelay(), "a closed trimmer arms nothing");
    }
}
