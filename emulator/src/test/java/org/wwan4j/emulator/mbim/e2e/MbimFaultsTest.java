package org.wwan4j.emulator.mbim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.Protocol;
import org.wwan4j.emulator.fault.Fault;
import org.wwan4j.emulator.mbim.codec.MbimMessages;
import org.wwan4j.emulator.model.ModemState;
import org.wwan4j.emulator.model.Provider;
import org.wwan4j.emulator.model.ProviderStatus;
import org.wwan4j.emulator.model.Rat;

/** The emulator's faults as an MBIM host sees them through mbimcli 1.28. */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MbimFaultsTest {
    private EmulatedModem modem;
    private ModemState state;

    @BeforeEach
    void start() {
        modem = EmulatedModem.start(Protocol.MBIM);
        state = modem.state();
    }

    @AfterEach
    void stop() {
        modem.close();
    }

    private Mbimcli.Result mbimcli(String... arguments) throws Exception {
        return Mbimcli.run(modem.path(), arguments).assertSuccess();
    }

    private static String nextTransactionId(Mbimcli.Result result) {
        Matcher matcher = Pattern.compile("TRID: '(\\d+)'").matcher(result.stdout());
        assertTrue(matcher.find(), result.all());
        return matcher.group(1);
    }

    @Test
    void unknownExtraDataAfterTheKnownFieldsIsIgnoredByLibmbim() throws Exception {
        modem.inject(Fault.UNKNOWN_TLVS);
        Mbimcli.Result registration = mbimcli("--query-registration-state");
        assertEquals("home", registration.field("Register state"));
        assertEquals("26207", registration.field("Provider ID"));
        assertEquals("activated", mbimcli("--connect=access-string=internet").field("Activation state"));
        assertEquals(4, mbimcli("--query-visible-providers").fields("Provider ID").size());
    }

    @Test
    void rebootForgetsTheOpenChannelAndTheSession() throws Exception {
        Mbimcli.Result connected = mbimcli("--connect=access-string=internet", "--no-close");
        assertTrue(state.bearer().connected());
        modem.inject(Fault.REBOOT);
        assertFalse(state.bearer().connected());

        Mbimcli.Result stale = Mbimcli.run(modem.path(), "--query-connection-state",
                "--no-open=" + nextTransactionId(connected));
        assertNotEquals(0, stale.exitCode(), "a rebooted function must be opened again");
        assertTrue(stale.stderr().contains("NotOpened"), stale.all());
        assertEquals("deactivated", mbimcli("--query-connection-state").field("Activation state"));
    }

    @Test
    void networkLossDropsTheSessionAndRegistration() throws Exception {
        mbimcli("--connect=access-string=internet");
        modem.inject(Fault.NETWORK_LOSS);
        assertEquals("searching", mbimcli("--query-registration-state").field("Register state"));
        assertEquals("deactivated", mbimcli("--query-connection-state").field("Activation state"));
        Mbimcli.Result refused = Mbimcli.run(modem.path(), "--connect=access-string=internet");
        assertTrue(refused.stderr().contains("NotRegistered"), refused.all());
        modem.clear(Fault.NETWORK_LOSS);
        assertEquals("home", mbimcli("--query-registration-state").field("Register state"));
    }

    @Test
    void simRemovalIsSeenBySubscriberStatusAndSlotInfo() throws Exception {
        modem.inject(Fault.SIM_REMOVAL);
        assertEquals("sim-not-inserted", mbimcli("--query-subscriber-ready-status").field("Ready state"));
        assertEquals("state-empty", mbimcli("--ms-query-slot-info-status=0").field("Slot '0'"));
        modem.clear(Fault.SIM_REMOVAL);
        assertEquals("initialized", mbimcli("--query-subscriber-ready-status").field("Ready state"));
    }

    @Test
    void dataStallFreezesTheCountersOfAConnectedSession() throws Exception {
        mbimcli("--connect=access-string=internet");
        modem.inject(Fault.DATA_STALL);
        String before = mbimcli("--query-packet-statistics").field("Octets (in)");
        state.tick();
        state.tick();
        assertEquals(before, mbimcli("--query-packet-statistics").field("Octets (in)"));
        assertEquals("activated", mbimcli("--query-connection-state").field("Activation state"));
    }

    @Test
    void slowAndDribbledFragmentedAnswersStillParse() throws Exception {
        List<Provider> crowded = new ArrayList<>(); // about 5 KB: two fragments at 4096 bytes per transfer
        for (int i = 0; i < 60; i++) {
            crowded.add(new Provider("310", String.format("%03d", i), "Operator number " + i,
                    ProviderStatus.AVAILABLE, false, Set.of(Rat.LTE)));
        }
        state.setProviders(crowded);
        modem.inject(Fault.DRIBBLE);
        assertEquals(60, mbimcli("--query-visible-providers").fields("Provider ID").size());
        modem.clear(Fault.DRIBBLE);
        // Late, but the fragments of one answer stay within libmbim's 1250 ms between fragments.
        modem.inject(Fault.SLOW);
        assertEquals(60, mbimcli("--query-visible-providers").fields("Provider ID").size());
    }

    @Test
    void malformedAnswersAreCorruptAndServiceResumesWhenTheFaultClears() throws Exception {
        modem.inject(Fault.MALFORMED);
        try (RawMbimClient host = new RawMbimClient(modem.path())) {
            host.send(MbimMessages.open(1, 4096));
            byte[] corrupt = host.nextBytes(15); // OPEN_DONE is 16 bytes; the fault cuts one and flips the type
            assertEquals((byte) ~0x01, corrupt[0]);
        }
        modem.clear(Fault.MALFORMED);
        assertEquals("on", mbimcli("--query-radio-state").field("Software radio state"));
    }

    @Test
    void aHungModemServesAgainOnceTheHangClears() throws Exception {
        modem.inject(Fault.HANG);
        try (RawMbimClient host = new RawMbimClient(modem.path())) {
            host.send(MbimMessages.open(1, 4096)); // swallowed: no answer is read, none is awaited
        }
        modem.clear(Fault.HANG);
        assertEquals("on", mbimcli("--query-radio-state").field("Software radio state"));
    }

    @Test
    void replugGivesANewPortThatMustBeOpenedAgain() throws Exception {
        Mbimcli.Result kept = mbimcli("--query-radio-state", "--no-close");
        modem.inject(Fault.UNPLUG);
        modem.clear(Fault.UNPLUG);
        Path after = modem.path(); // a new pty, though the kernel may hand out the same number again
        Mbimcli.Result stale = Mbimcli.run(after, "--query-radio-state", "--no-open=" + nextTransactionId(kept));
        assertTrue(stale.stderr().contains("NotOpened"), stale.all());
        assertEquals("on", Mbimcli.run(after, "--query-radio-state").assertSuccess().field("Software radio state"));
    }
}
