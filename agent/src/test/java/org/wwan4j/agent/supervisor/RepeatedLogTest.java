package org.wwan4j.agent.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class RepeatedLogTest {

    private final RepeatedLog log = new RepeatedLog();

    @Test
    void theSameFailureIsLoggedOnceThenOnlyWithItsCountAtPowersOfTen() {
        List<String> logged = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String line = log.admit("connecting failed: unknown APN");
            if (line != null) {
                logged.add(line);
            }
        }
        assertEquals(List.of("connecting failed: unknown APN",
                "connecting failed: unknown APN (10 times since the modem last worked)",
                "connecting failed: unknown APN (100 times since the modem last worked)",
                "connecting failed: unknown APN (1000 times since the modem last worked)"), logged);
        assertEquals("996 repeated failure messages were not logged", log.clear());
    }

    @Test
    void differentMessagesInTurnAreEachLoggedOnce() {
        List<String> logged = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (String step : List.of("recovery step reopen: no answer", "recovery step reset: no answer")) {
                logged.add(log.admit(step));
            }
        }
        assertEquals(2, logged.stream().filter(Objects::nonNull).count());
    }

    @Test
    void afterTheModemWorkedAgainTheFirstFailureIsLoggedAgain() {
        log.admit("x");
        log.admit("x");
        log.clear();
        assertEquals("x", log.admit("x"));
        assertNull(log.clear());
    }
}
