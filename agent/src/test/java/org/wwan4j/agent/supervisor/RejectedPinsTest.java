package org.wwan4j.agent.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rejected SIM PINs: remembered per card, across restarts through the state dir, never written as the PIN. */
class RejectedPinsTest {

    private static final String ICCID = "89490200001234567890";
    private static final String OTHER_ICCID = "89490200009876543210";
    private static final String PIN = "73915864";

    @TempDir
    Path state;

    @Test
    void aRejectionIsPerCardAndPerPin() {
        RejectedPins pins = RejectedPins.inMemory();
        pins.reject(ICCID, PIN);

        assertTrue(pins.wasRejected(ICCID, PIN));
        assertFalse(pins.wasRejected(ICCID, "1234"), "another PIN in the file is worth a try");
        assertFalse(pins.wasRejected(OTHER_ICCID, PIN), "another card is worth a try");
    }

    @Test
    void aRestartRemembersWhatTheStateDirHolds() {
        RejectedPins.persistedIn(state).reject(ICCID, PIN);

        RejectedPins afterRestart = RejectedPins.persistedIn(state);
        assertTrue(afterRestart.wasRejected(ICCID, PIN));
        assertFalse(afterRestart.wasRejected(OTHER_ICCID, PIN));
    }

    @Test
    void theFileHoldsNeitherPinNorIccidAndOnlyItsOwnerMayReadIt() throws Exception {
        RejectedPins.persistedIn(state).reject(ICCID, PIN);

        Path file = state.resolve(RejectedPins.FILE_NAME);
        String text = Files.readString(file);
        assertFalse(text.contains(PIN), text);
        assertFalse(text.contains(ICCID), text);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
    }

    @Test
    void anUnreadableFileStartsEmptyAndIsReplacedByTheNextRejection() throws Exception {
        Path file = state.resolve(RejectedPins.FILE_NAME);
        Files.writeString(file, "{\"salt\": \"not hex\"");

        RejectedPins pins = RejectedPins.persistedIn(state);
        assertFalse(pins.wasRejected(ICCID, PIN));
        pins.reject(ICCID, PIN);
        assertTrue(RejectedPins.persistedIn(state).wasRejected(ICCID, PIN));
    }

    @Test
    void theOldestRejectionGoesFirstOnceTheBoundIsReached() {
        RejectedPins pins = RejectedPins.persistedIn(state);
        for (int i = 0; i <= RejectedPins.MAX_REMEMBERED; i++) {
            pins.reject(ICCID, String.format("%04d", i));
        }

        RejectedPins afterRestart = RejectedPins.persistedIn(state);
        assertFalse(afterRestart.wasRejected(ICCID, "0000"));
        assertTrue(afterRestart.wasRejected(ICCID, "0001"));
        assertTrue(afterRestart.wasRejected(ICCID, String.format("%04d", RejectedPins.MAX_REMEMBERED)));
    }
}
