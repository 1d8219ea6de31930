package org.wwan4j.agent.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.status.FccUnlockState;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.Power;
import org.wwan4j.agent.status.SimLockState;
import org.wwan4j.agent.status.StatusJson;
import org.wwan4j.agent.supervisor.SupervisorSettings;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.FirmwareProfile;
import org.wwan4j.emulator.ModemLocks;
import org.wwan4j.emulator.model.PowerState;

/**
 * The agent unlocking modems end to end, through real libqmi/libmbim and a pty to the emulator: an FCC-locked modem
 * is unlocked once after its refused power-up and connects; with {@code fccUnlock: off} it stays offline and says
 * why; a PIN-locked SIM is opened with the PIN file (UIM Verify PIN, or DMS UIM Verify PIN on older firmware); a
 * wrong PIN is entered once only (also after an agent restart), status shows the attempts left, and a corrected
 * file is picked up without a config change. Message ids are libqmi's.
 */
@Timeout(180)
@Tag("slow")
class UnlockEndToEndTest {

    private static final int DMS_SET_FCC_AUTHENTICATION = 0x555F;
    private static final int DMS_SET_OPERATING_MODE = 0x002E;
    private static final int DMS_UIM_VERIFY_PIN = 0x0028;
    private static final int UIM_VERIFY_PIN = 0x0026;
    private static final String PIN = "4711";

    @TempDir
    Path dir;
    @RegisterExtension
    final EmulatedModemAndAgent e2e = new EmulatedModemAndAgent();

    private EmulatedModem modem;
    private AgentHarness agent;

    private void start(ModemLocks locks, FirmwareProfile profile, EmulatedProtocol protocol, String fields)
            throws Exception {
        modem = e2e.startModem(protocol, EmulatorOptions.defaults().withProfile(profile).withLocks(locks));
        agent = e2e.startAgent(dir, e2e.config(fields), settings());
    }

    /** A short safety tick: a failed modem looks at its PIN file again on each. */
    private static SupervisorSettings settings() {
        return AgentHarness.settings(Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    private Path pinFile(String pin) throws Exception {
        Path file = dir.resolve("sim.pin");
        Files.writeString(file, pin + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    void anFccLockedModemComesOnlineAfterTheAutomaticUnlock() throws Exception {
        start(new ModemLocks(true, null), FirmwareProfile.MODERN, EmulatedProtocol.QMI, "");

        ModemStatus up = agent.awaitModem("connected", EmulatedModemAndAgent::connected);
        assertEquals(FccUnlockState.UNLOCKED, up.unlock().fcc().state());
        assertEquals("qmi-dms-set-fcc-authentication", up.unlock().fcc().method(),
                "no vendor id (a pty): the generic unlock, only after the refusal");
        assertEquals(1, modem.statistics().requestsSeen("DMS", DMS_SET_FCC_AUTHENTICATION), "unlocked once");
        assertEquals(PowerState.ONLINE, modem.state().power());
        assertTrue(StatusJson.agent(agent.daemon.agent().status(), false)
                .contains("\"fcc\":{\"state\":\"unlocked\",\"method\":\"qmi-dms-set-fcc-authentication\""));
    }

    @Test
    void withFccUnlockOffALockedModemStaysOfflineAndSaysWhyUntilTheConfigAllowsIt() throws Exception {
        start(new ModemLocks(true, null), FirmwareProfile.MODERN, EmulatedProtocol.QMI, "\"fccUnlock\": \"off\"");

        ModemStatus held = agent.awaitModem("held back by the lock", m -> m.configError() != null
                && m.configError().contains("FCC-locked and fccUnlock is off"));
        assertEquals(FccUnlockState.LOCKED, held.unlock().fcc().state());
        assertEquals(Power.LOW_POWER, held.info().power());
        assertEquals(0, modem.statistics().requestsSeen("DMS", DMS_SET_FCC_AUTHENTICATION));
        long refusals = modem.statistics().requestsSeen("DMS", DMS_SET_OPERATING_MODE);
        // Several safety ticks later the modem has not been asked again: only a config change helps.
        long ticksLater = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        AgentHarness.until("three safety ticks", () -> System.nanoTime() > ticksLater);
        assertEquals(refusals, modem.statistics().requestsSeen("DMS", DMS_SET_OPERATING_MODE));

        agent.writeConfig(e2e.config("\"fccUnlock\": \"auto\""));
        agent.awaitModem("connected once unlocking is allowed", EmulatedModemAndAgent::connected);
        assertEquals(1, modem.statistics().requestsSeen("DMS", DMS_SET_FCC_AUTHENTICATION));
    }

    @Test
    void aPinLockedSimIsOpenedWithThePinFile() throws Exception {
        start(new ModemLocks(false, PIN), FirmwareProfile.MODERN, EmulatedProtocol.QMI,
                "\"simPinFile\": \"" + pinFile(PIN) + "\"");

        ModemStatus up = agent.awaitModem("connected", EmulatedModemAndAgent::connected);
        assertEquals(SimLockState.UNLOCKED, up.unlock().sim().state());
        assertEquals("accepted", up.unlock().pinAttempt());
        assertEquals(1, modem.statistics().requestsSeen("UIM", UIM_VERIFY_PIN));
    }

    @Test
    void anOlderFirmwareTakesThePinThroughDms() throws Exception {
        start(new ModemLocks(false, PIN), FirmwareProfile.LEGACY, EmulatedProtocol.QMI,
                "\"simPinFile\": \"" + pinFile(PIN) + "\"");

        agent.awaitModem("connected", EmulatedModemAndAgent::connected);
        assertEquals(1, modem.statistics().requestsSeen("UIM", UIM_VERIFY_PIN), "refused once, remembered");
        assertEquals(1, modem.statistics().requestsSeen("DMS", DMS_UIM_VERIFY_PIN));
    }

    @Test
    void aWrongPinIsEnteredOnceStatusShowsTheAttemptsLeftAndAFixedFileIsPickedUp() throws Exception {
        Path file = pinFile("0000");
        start(new ModemLocks(false, PIN), FirmwareProfile.MODERN, EmulatedProtocol.QMI,
                "\"simPinFile\": \"" + file + "\"");

        ModemStatus refused = agent.awaitModem("the PIN rejected", m -> m.configError() != null
                && m.configError().contains("rejected the PIN"));
        assertEquals(SimLockState.PIN_REQUIRED, refused.unlock().sim().state());
        assertEquals(2, refused.unlock().sim().pinRetries());
        assertEquals("rejected", refused.unlock().pinAttempt());
        // A reason to try again (new unlock settings) meets the same PIN for the same SIM: not entered again.
        agent.writeConfig(e2e.config("\"simPinFile\": \"" + file + "\","
                + " \"fccUnlock\": \"qmi-dms-set-fcc-authentication\""));
        agent.awaitModem("tried again and refused to enter the same PIN", m -> m.configError() != null
                && m.configError().contains("not entered again"));
        assertEquals(1, modem.statistics().requestsSeen("UIM", UIM_VERIFY_PIN));
        assertEquals(2, modem.state().simPin().pinRetries());

        pinFile(PIN);
        ModemStatus up = agent.awaitModem("connected with the fixed file", EmulatedModemAndAgent::connected);
        assertEquals("accepted", up.unlock().pinAttempt());
        assertEquals(2, modem.statistics().requestsSeen("UIM", UIM_VERIFY_PIN));
    }

    @Test
    void aRestartedAgentDoesNotEnterAPinTheSimRejectedBefore() throws Exception {
        Path file = pinFile("0000");
        String fields = "\"simPinFile\": \"" + file + "\"";
        start(new ModemLocks(false, PIN), FirmwareProfile.MODERN, EmulatedProtocol.QMI, fields);
        agent.awaitModem("the PIN rejected", m -> m.configError() != null
                && m.configError().contains("rejected the PIN"));
        assertEquals(1, modem.statistics().requestsSeen("UIM", UIM_VERIFY_PIN));

        e2e.stopAgent();
        // The same state dir, as a restarted service has: the rejection is read back, not tried out again.
        agent = e2e.startAgent(dir, e2e.config(fields), settings());
        ModemStatus held = agent.awaitModem("held back by the remembered rejection", m -> m.configError() != null
                && m.configError().contains("not entered again"));
        assertEquals(SimLockState.PIN_REQUIRED, held.unlock().sim().state());
        assertEquals(1, modem.statistics().requestsSeen("UIM", UIM_VERIFY_PIN));
        assertEquals(2, modem.state().simPin().pinRetries(), "the card lost one try, not two");
    }

    @Test
    void anFccLockedMbimModemIsUnlockedWithTheMethodTheConfigNames() throws Exception {
        start(new ModemLocks(true, PIN), FirmwareProfile.MODERN, EmulatedProtocol.MBIM,
                "\"fccUnlock\": \"mbim-quectel-set-radio-state\", \"simPinFile\": \"" + pinFile(PIN) + "\"");

        ModemStatus up = agent.awaitModem("connected", EmulatedModemAndAgent::connected);
        assertEquals(FccUnlockState.UNLOCKED, up.unlock().fcc().state());
        assertEquals(SimLockState.UNLOCKED, up.unlock().sim().state());
        assertEquals(1, modem.statistics().requestsSeen("mbim-quectel", 1));
    }

    @Test
    void anFccLockedMbimModemWithoutAnMbimUnlockSaysSo() throws Exception {
        start(new ModemLocks(true, null), FirmwareProfile.MODERN, EmulatedProtocol.MBIM, "");

        ModemStatus held = agent.awaitModem("held back", m -> m.unlock() != null && m.unlock().fcc() != null);
        assertEquals(FccUnlockState.FAILED, held.unlock().fcc().state());
        assertTrue(held.configError().contains("cannot be sent over MBIM"), held.configError());
    }
}
