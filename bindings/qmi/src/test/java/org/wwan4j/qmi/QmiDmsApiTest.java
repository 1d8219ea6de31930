package org.wwan4j.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.model.EmulatedIdentity;
import org.wwan4j.emulator.model.PowerState;
import org.wwan4j.emulator.model.SimSlot;

/** DMS through the generated API, the real libqmi and the emulator; expected values come from its state. */
@Timeout(120)
class QmiDmsApiTest {

    private EmulatedModem modem;
    private QmiDevice device;
    private ClientDms dms;

    @BeforeEach
    void open() {
        modem = EmulatedModem.start(EmulatedProtocol.QMI);
        device = Await.result(QmiDevice.open(modem.path()));
        dms = Await.result(device.dms());
    }

    @AfterEach
    void close() {
        if (device != null) {
            device.close();
        }
        modem.close();
    }

    @Test
    void identityRequestsReturnTheEmulatorsIdentity() {
        EmulatedIdentity identity = modem.state().identity();
        assertEquals(identity.imei(), Await.result(dms.getIds()).imei());
        assertEquals(identity.manufacturer(), Await.result(dms.getManufacturer()).manufacturer());
        assertEquals(identity.model(), Await.result(dms.getModel()).model());
        assertEquals(identity.revision(), Await.result(dms.getRevision()).revision());
        ClientDms.GetCapabilitiesOutput caps = Await.result(dms.getCapabilities());
        assertNotNull(caps.info());
        assertTrue(caps.info().maxTxChannelRate() > 0);
        assertTrue(!caps.info().radioInterfaceList().isEmpty());
    }

    @Test
    void uimIccidAndImsiComeFromTheActiveCard() {
        SimSlot card = modem.state().activeCard().orElseThrow();
        assertEquals(card.iccid(), Await.result(dms.uimGetIccid()).iccid());
        assertEquals(card.imsi(), Await.result(dms.uimGetImsi()).imsi());
    }

    @Test
    void operatingModeGoesToLowPowerAndBackOnline() {
        assertEquals(DmsOperatingMode.ONLINE, Await.result(dms.getOperatingMode()).mode().constant());
        Await.result(dms.setOperatingMode(new ClientDms.SetOperatingModeInput().mode(DmsOperatingMode.LOW_POWER)));
        assertEquals(PowerState.LOW_POWER, modem.state().power());
        assertEquals(DmsOperatingMode.LOW_POWER, Await.result(dms.getOperatingMode()).mode().constant());
        Await.result(dms.setOperatingMode(new ClientDms.SetOperatingModeInput().mode(DmsOperatingMode.ONLINE)));
        assertEquals(PowerState.ONLINE, modem.state().power());
    }

    @Test
    void aProtocolErrorBecomesATypedException() {
        Throwable failure = Await.failure(dms.setOperatingMode(
                new ClientDms.SetOperatingModeInput().mode(DmsOperatingMode.FACTORY_TEST)));
        QmiProtocolException e = assertInstanceOf(QmiProtocolException.class, failure);
        assertEquals(ProtocolError.NOT_SUPPORTED, e.error().constant());
    }
}
