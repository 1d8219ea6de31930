package org.wwan4j.agent.mbim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wwan4j.agent.mbim.EmulatedMbimModem.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemEvent;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemException.Kind;
import org.wwan4j.agent.status.Location;
import org.wwan4j.agent.status.Power;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.model.Position;

/**
 * GNSS on MBIM modems through the real libmbim, libqmi and mbim-proxy: QMI LOC over MBIM on a modem that carries
 * QMI (Qualcomm), beside the agent's own MBIM session on the same port; UNSUPPORTED with the reason elsewhere.
 */
@Tag("slow")
class MbimLocationTest {

    private EmulatedModem emulator;
    private Modem modem;
    private final RecordedEvents events = new RecordedEvents();

    private void open(boolean qmiOverMbim, boolean proxy) {
        emulator = EmulatedModem.start(EmulatedProtocol.MBIM, EmulatorOptions.defaults()
                .withQmiOverMbim(qmiOverMbim).withTickInterval(Duration.ofMillis(200)));
        modem = await(new MbimModemFactory().withProxy(proxy).open(emulator.path(), Protocol.MBIM));
        modem.addListener(events);
    }

    @AfterEach
    void close() {
        if (modem != null) {
            modem.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void aModemCarryingQmiReportsFixesThroughTheProxyBesideMbim() {
        open(true, true);
        await(modem.startLocation(Duration.ofSeconds(1)));
        assertTrue(emulator.state().locationActive());

        Location fix = events.await(ModemEvent.LocationChanged.class, e -> true).location();
        Position position = emulator.state().position();
        // The fix drifts a little with every report; it stays near the modem's position.
        assertEquals(position.latitude(), fix.latitude(), 0.01);
        assertEquals(position.longitude(), fix.longitude(), 0.01);
        assertTrue(fix.utc() != null && fix.horizontalUncertainty() != null, fix::toString);
        assertTrue(emulator.statistics().requestsSeen("LOC", 0x0022) == 1, "one LOC Start");

        // The agent's MBIM session still works on the shared port, notifications included.
        assertEquals(Power.ONLINE, await(modem.power()));
        await(modem.setPower(Power.LOW_POWER));
        events.await(ModemEvent.PowerChanged.class, e -> e.power() == Power.LOW_POWER);
        await(modem.setPower(Power.ONLINE));

        await(modem.stopLocation());
        assertFalse(emulator.state().locationActive());
    }

    @Test
    void aModemWithoutQmiOverMbimIsUnsupportedSayingSo() {
        open(false, true);
        await(modem.stopLocation()); // never started: nothing to stop
        ModemException failure = assertThrows(ModemException.class,
                () -> await(modem.startLocation(Duration.ofSeconds(1))));
        assertEquals(Kind.UNSUPPORTED, failure.kind());
        assertTrue(failure.getMessage().contains("no QMI-over-MBIM service"), failure.getMessage());
        assertEquals(0, emulator.statistics().requestsSeen("mbim-qmi", 1), "nothing was sent to a missing service");
    }

    @Test
    void aPortHeldDirectlyCannotShareItWithQmiAndSaysSo() {
        open(true, false);
        ModemException failure = assertThrows(ModemException.class,
                () -> await(modem.startLocation(Duration.ofSeconds(1))));
        assertEquals(Kind.UNSUPPORTED, failure.kind());
        assertTrue(failure.getMessage().contains("mbim-proxy"), failure.getMessage());
        assertEquals(Power.ONLINE, await(modem.power()), "the MBIM session is untouched");
    }
}
