package org.wwan4j.agent.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.status.RecoveryStep;
import org.wwan4j.agent.supervisor.RecoveryLadder.Evidence;
import org.wwan4j.agent.supervisor.RecoveryLadder.Trouble;

class RecoveryLadderTest {

    private final RecoveryLadder ladder = new RecoveryLadder();

    private List<RecoveryStep> walk(int steps, boolean rebind) {
        List<RecoveryStep> taken = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            taken.add(ladder.escalate(Trouble.CONTROL_PLANE, rebind));
        }
        return taken;
    }

    @Test
    void withoutRebindTheStepsAreReopenResetStuck() {
        assertEquals(List.of(RecoveryStep.REOPEN, RecoveryStep.RESET, RecoveryStep.STUCK), walk(3, false));
        assertTrue(ladder.exhausted());
        assertEquals(1, ladder.round());
    }

    @Test
    void rebindComesBetweenResetAndStuckWhenAvailable() {
        assertEquals(List.of(RecoveryStep.REOPEN, RecoveryStep.RESET, RecoveryStep.REBIND, RecoveryStep.STUCK),
                walk(4, true));
    }

    @Test
    void afterStuckTheNextRoundStartsAtReopenAndStaysStuckUntilRecovered() {
        walk(3, false);
        assertEquals(RecoveryStep.REOPEN, ladder.escalate(Trouble.CONTROL_PLANE, false));
        assertEquals(2, ladder.round());
        assertTrue(ladder.exhausted(), "a modem that was stuck counts as stuck until it recovers");
    }

    @Test
    void aControlPlaneEpisodeEndsWhenTheModemAnswers() {
        ladder.escalate(Trouble.CONTROL_PLANE, false);
        assertTrue(ladder.recovered(Evidence.ANSWERS));
        assertFalse(ladder.active());
        assertNull(ladder.step());
        assertEquals(RecoveryStep.REOPEN, ladder.escalate(Trouble.CONTROL_PLANE, false), "a fresh episode");
    }

    @Test
    void aDataPlaneEpisodeNeedsDataToFlow() {
        ladder.escalate(Trouble.DATA_PLANE, false);
        assertFalse(ladder.recovered(Evidence.ANSWERS));
        assertTrue(ladder.active());
        assertTrue(ladder.recovered(Evidence.DATA_FLOWS));
    }

    @Test
    void aStallDuringAControlPlaneEpisodeMakesItADataPlaneOne() {
        ladder.escalate(Trouble.CONTROL_PLANE, false);
        assertEquals(RecoveryStep.RESET, ladder.escalate(Trouble.DATA_PLANE, false));
        assertFalse(ladder.recovered(Evidence.ANSWERS));
    }

    @Test
    void evidenceWithoutAnEpisodeChangesNothing() {
        assertFalse(ladder.recovered(Evidence.DATA_FLOWS));
        assertEquals(0, ladder.round());
    }
}
