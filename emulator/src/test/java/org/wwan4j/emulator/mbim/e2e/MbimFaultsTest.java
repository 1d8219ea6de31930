package org.wwan4j.emulator.mbim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wwan4j.emulator.EmulatedModemExtension;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.fault.Fault;
import org.wwan4j.emulator.mbim.codec.MbimMessages;
import org.wwan4j.emulator.model.EmulatedProvider;
import org.wwan4j.emulator.model.EmulatedProviderStatus;
import org.wwan4j.emulator.model.EmulatedRat;

/** The emulator's faults as an MBIM host sees them through mbimcli 1.28. */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@Tag("slow")
class MbimFaultsTest {
    @RegisterExtension
    final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.MBIM);
    private final Mbimcli mbimcli = Mbimcli.on(emulator::path);

    @Test
    void unknownExtraDataAfterTheKnownFieldsIsIgnoredByLibmbim() throws Exception {
        emulator.modem().inject(Fault.UNKNOWN_TLVS);
        Mbimcli.Result registration = mbimcli.ok("--query-registration-state");
        assertEquals("home", registration.field("Register state"));
        assertEquals("26207", registration.field("Provider ID"));
        assertEquals("activated", mbimcli.ok("--connect=access-string=internet").field("Activation state"));
        assertEquals(4, mbimcli.ok("--query-visible-providers").fields("Provider ID").size());
    }

    @Test
    void rebootForgetsTheOpenChannelAndTheSession() throws Exception {
        Mbimcli.Result connected = mbimcli.ok("--connect=access-string=internet", "--no-close");
        assertTrue(emulator.state().bearer().connected());
        emulator.modem().inject(Fault.REBOOT);
        assertFalse(emulator.state().bearer().connected());

        Mbimcli.Result stale = mbimcli.run("--query-connection-state",
                "--no-open=" + Mbimcli.nextTransactionId(connected));
        assertNotEquals(0, stale.exitCode(), "a rebooted function must be opened again");
        assertTrue(stale.stderr().contains("NotOpened"), stale.all());
        assertEquals("deactivated", mbimcli.ok("--query-connection-state").field("Activation state"));
    }

    @Test
    void networkLossDropsTheSessionAndRegistration() throws Exception {
        mbimcli.ok("--connect=access-string=internet");
        emulator.modem().inject(Fault.NETWORK_LOSS);
        assertEquals("searching", mbimcli.ok("--query-registration-state").field("Register state"));
        assertEquals("deactivated", mbimcli.ok("--query-connection-state").field("Activation state"));
        Mbimcli.Result refused = mbimcli.run("--connect=access-string=internet");
        assertTrue(refused.stderr().contains("NotRegistered"), refused.all());
        emulator.modem().clear(Fault.NETWORK_LOSS);
        assertEquals("home", mbimcli.ok("--query-registration-state").field("Register state"));
    }

    @Test
    void simRemovalIsSeenBySubscriberStatusAndSlotInfo() throws Exception {
        emulator.modem().inject(Fault.SIM_REMOVAL);
        assertEquals("sim-not-inserted", mbimcli.ok("--query-subscriber-ready-status").field("Ready state"));
        assertEquals("state-empty", mbimcli.ok("--ms-query-slot-info-status=0").field("Slot '0'"));
        emulator.modem().clear(Fault.SIM_REMOVAL);
        assertEquals("initialized", mbimcli.ok("--query-subscriber-ready-status").field("Ready state"));
    }

    @Test
    void dataStallFreezesTheCountersOfAConnectedSession() throws Exception {
        mbimcli.ok("--connect=access-string=internet");
        emulator.modem().inject(Fault.DATA_STALL);
        String before = mbimcli.ok("--query-packet-statistics").field("Octets (in)");
        emulator.state().tick();
        emulator.state().tick();
        assertEquals(before, mbimcli.ok("--query-packet-statistics").field("Octets (in)"));
        assertEquals("activated", mbimcli.ok("--query-connection-state").field("Activation state"));
    }

    @Test
    void slowAndDribbledFragmentedAnswersStillParse() throws Exception {
        List<EmulatedProvider> crowded = new ArrayList<>(); // about 5 KB: two fragments at 4096 bytes per transfer
        for (int i = 0; i < 60; i++) {
            crowded.add(new EmulatedProvider("310", String.format("%03d", i), "Operator number " + i,
                    EmulatedProviderStatus.AVAILABLE, false, Set.of(EmulatedRat.LTE)));
        }
        emulator.state().setProviders(crowded);
        emulator.modem().inject(Fault.DRIBBLE);
        assertEquals(60, mbimcli.ok("--query-visible-providers").fields("Provider ID").size());
        emulator.modem().clear(Fault.DRIBBLE);
        // Late, but the fragments of one answer stay within libmbim's 1250 ms between fragments.
        emulator.modem().inject(Fault.SLOW);
        assertEquals(60, mbimcli.ok("--query-visible-providers").fields("Provider ID").size());
    }

    @Test
    void malformedAnswersAreCorruptAndServiceResumesWhenTheFaultClears() throws Exception {
        emulator.modem().inject(Fault.MALFORMED);
        try (RawMbimClient host = new RawMbimClient(emulator.path())) {
            host.send(MbimMessages.open(1, 4096));
            byte[] corrupt = host.nextBytes(15); // OPEN_DONE is 16 bytes; the fault cuts one and flips the type
            assertEquals((byte) ~0x01, corrupt[0]);
        }
        emulator.modem().clear(Fault.MALFORMED);
        assertEquals("on", mbimcli.ok("--query-radio-state").field("Software radio state"));
    }

    @Test
    void aHungModemServesAgainOnceTheHangClears() throws Exception {
        emulator.modem().inject(Fault.HANG);
        try (RawMbimClient host = new RawMbimClient(emulator.path())) {
            host.send(MbimMessages.open(1, 4096)); // swallowed: no answer is read, none is awaited
        }
        emulator.modem().clear(Fault.HANG);
        assertEquals("on", mbimcli.ok("--query-radio-state").field("Software radio state"));
    }

    @Test
    void replugGivesANewPortThatMustBeOpenedAgain() throws Exception {
        Mbimcli.Result kept = mbimcli.ok("--query-radio-state", "--no-close");
        emulator.modem().inject(Fault.UNPLUG);
        emulator.modem().clear(Fault.UNPLUG);
        Path after = emulator.path(); // a new pty, though the kernel may hand out the same number again
        Mbimcli.Result stale = Mbimcli.run(after, "--query-radio-state",
                "--no-open=" + Mbimcli.nextTransactionId(kept));
        assertTrue(stale.stderr().contains("NotOpened"), stale.all());
        assertEquals("on", Mbimcli.run(after, "--query-radio-state").assertSuccess().field("Software radio state"));
    }
}
