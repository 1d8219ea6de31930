package org.wwan4j.agent.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.config.Rat;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemEvent;
import org.wwan4j.agent.status.Nr5gSignal;
import org.wwan4j.agent.status.Signal;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.model.EmulatedNrSignal;
import org.wwan4j.emulator.model.EmulatedSignal;

/** A 5G NSA network through the real libqmi: the NR5G leg beside LTE in signal, 5gnr beside lte in the RATs. */
@Tag("slow")
class QmiNsaTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private EmulatedModem emulator;
    private Modem modem;
    private final LinkedBlockingQueue<ModemEvent> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void open() throws Exception {
        emulator = EmulatedModem.start(EmulatedProtocol.QMI, EmulatorOptions.defaults().withNr5gNsa(true));
        modem = get(new QmiModemFactory(null).open(emulator.path(), Protocol.QMI));
        modem.addListener(events::add);
    }

    @AfterEach
    void close() {
        if (modem != null) {
            modem.close();
        }
        emulator.close();
    }

    @Test
    void signalKeepsLteAsTheAnchorAndAddsTheNrLeg() throws Exception {
        EmulatedSignal lte = emulator.state().signal();
        EmulatedNrSignal nr = emulator.state().nrSignal();
        assertEquals(new Signal(lte.rssi(), lte.rsrq(), lte.rsrp(), lte.snr(),
                new Nr5gSignal(nr.rsrp(), nr.rsrq(), nr.snr())), get(modem.signal()));
    }

    @Test
    void systemInfoWithEndcPutsNr5gBesideLte() throws Exception {
        assertEquals(List.of(Rat.LTE, Rat.NR5G), get(modem.registration()).rats());
    }

    @Test
    void anNrChangeArrivesAsASignalEventWithBothLegs() throws Exception {
        emulator.state().setNrSignal(new EmulatedNrSignal(-79, -8, 22.5));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            ModemEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event instanceof ModemEvent.SignalChanged changed && changed.signal().nr5g() != null
                    && Integer.valueOf(-79).equals(changed.signal().nr5g().rsrp())) {
                assertEquals(new Nr5gSignal(-79, -8, 22.5), changed.signal().nr5g());
                assertEquals(Integer.valueOf(emulator.state().signal().rsrp()), changed.signal().rsrp());
                return;
            }
        }
        throw new AssertionError("no signal event with the new NR leg within " + WAIT);
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
