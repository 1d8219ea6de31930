package org.wwan4j.emulator.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wwan4j.emulator.EmulatedModemExtension;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.fault.Fault;
import org.wwan4j.emulator.model.EmulatedRat;
import org.wwan4j.emulator.model.EmulatedRegistration;
import org.wwan4j.emulator.model.EmulatedRegistrationState;
import org.wwan4j.emulator.model.EmulatedSignal;

/** Indications on the wire, read by a bare QMUX client: their TLV layout and when they are sent or dropped. */
@Timeout(30)
class QmiIndicationTest {

    @RegisterExtension
    final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.QMI);
    private final Qmicli qmicli = Qmicli.on(emulator::path);

    private static boolean isIndication(QmuxFrame frame, int service, int messageId) {
        return frame.service() == service && frame.messageId() == messageId
                && (frame.qmiFlags() & QmuxFrame.SERVICE_FLAG_INDICATION) != 0;
    }

    @Test
    void servingSystemIndicationUsesItsOwnTlvNumbering() throws Exception {
        try (RawQmiClient client = new RawQmiClient(emulator.path())) {
            int nas = client.allocate(QmiServiceId.NAS);
            client.request(QmiServiceId.NAS, nas, NasService.REGISTER_INDICATIONS,
                    new TlvWriter().tlv(NasService.REGISTER_SERVING_SYSTEM).u8(1).toBytes());
            emulator.state().setNetworkRegistration(new EmulatedRegistration(EmulatedRegistrationState.ROAMING,
                    "208", "001", "Emu Roam",
                    Set.of(EmulatedRat.LTE), 0x0102, 0x0708, 0x03040506));
            QmuxFrame indication = client.await(f -> isIndication(f, QmiServiceId.NAS,
                    NasService.SERVING_SYSTEM_INDICATION));
            Tlvs tlvs = RawQmiClient.tlvs(indication);
            assertEquals(0x0102, tlvs.require(0x1D).u16(), "LAC is TLV 0x1D in the indication");
            assertEquals(0x03040506L, tlvs.require(0x1E).u32(), "cell id is TLV 0x1E in the indication");
            assertEquals(0x0708, tlvs.require(0x25).u16(), "TAC is TLV 0x25 in the indication");
            TlvReader pcs = tlvs.require(0x29);
            assertEquals(208, pcs.u16());
            assertEquals(1, pcs.u16());
            assertEquals(1, pcs.u8(), "a 3-digit MNC has the PCS digit");
            assertFalse(tlvs.has(0x1C), "0x1C is a time-zone TLV in the indication, not the LAC");
            assertEquals(0, RawQmiClient.tlvs(indication).require(0x10).u8(), "roaming indicator on");
        }
    }

    @Test
    void systemInfoIndicationFollowsCoverageWhenRegisteredFor() throws Exception {
        try (RawQmiClient client = new RawQmiClient(emulator.path())) {
            int nas = client.allocate(QmiServiceId.NAS);
            client.request(QmiServiceId.NAS, nas, NasService.REGISTER_INDICATIONS,
                    new TlvWriter().tlv(NasService.REGISTER_SYSTEM_INFO).u8(1).toBytes());
            emulator.modem().inject(Fault.NETWORK_LOSS);
            QmuxFrame lost = client.await(f -> isIndication(f, QmiServiceId.NAS, NasService.SYSTEM_INFO_INDICATION));
            assertEquals(0, RawQmiClient.tlvs(lost).require(0x14).u8(), "LTE service status: none");
            emulator.modem().clear(Fault.NETWORK_LOSS);
            QmuxFrame back = client.await(f -> isIndication(f, QmiServiceId.NAS, NasService.SYSTEM_INFO_INDICATION));
            assertEquals(2, RawQmiClient.tlvs(back).require(0x14).u8(), "LTE service status: available");
            assertTrue(RawQmiClient.tlvs(back).has(0x19));
        }
    }

    @Test
    void signalInfoIndicationsOnlyAfterRegistrationAndDroppedUnderTheFault() throws Exception {
        try (RawQmiClient client = new RawQmiClient(emulator.path())) {
            int nas = client.allocate(QmiServiceId.NAS);
            client.request(QmiServiceId.NAS, nas, NasService.REGISTER_INDICATIONS,
                    new TlvWriter().tlv(NasService.REGISTER_SIGNAL_INFO).u8(1).toBytes());
            emulator.state().setSignal(new EmulatedSignal(-80, -12, -110, 3.0));
            QmuxFrame indication = client.await(f -> isIndication(f, QmiServiceId.NAS,
                    NasService.SIGNAL_INFO_INDICATION));
            TlvReader lte = RawQmiClient.tlvs(indication).require(0x14);
            assertEquals(-80, (byte) lte.u8());

            emulator.modem().inject(Fault.DROP_INDICATIONS);
            emulator.state().setSignal(new EmulatedSignal(-90, -13, -115, 1.0));
            // The indication would have been written before this request was even sent: the next frame is the answer.
            int txn = client.send(QmiServiceId.NAS, nas, NasService.GET_SIGNAL_INFO, new byte[0]);
            QmuxFrame next = client.await(f -> f.service() == QmiServiceId.NAS);
            assertEquals(txn, next.transaction());
            assertEquals(NasService.GET_SIGNAL_INFO, next.messageId());
            assertTrue((next.qmiFlags() & QmuxFrame.SERVICE_FLAG_RESPONSE) != 0, "dropped indication arrived");
        }
    }

    @Test
    void packetServiceStatusIndicationWhenTheNetworkDropsTheCall() throws Exception {
        try (RawQmiClient client = new RawQmiClient(emulator.path())) {
            int wds = client.allocate(QmiServiceId.WDS);
            QmuxFrame started = client.request(QmiServiceId.WDS, wds, WdsService.START_NETWORK,
                    new TlvWriter().tlv(0x14).rawString("internet").toBytes());
            assertEquals(0, RawQmiClient.error(started));
            QmuxFrame up = client.await(f -> isIndication(f, QmiServiceId.WDS,
                    WdsService.PACKET_SERVICE_STATUS_INDICATION));
            assertEquals(2, RawQmiClient.tlvs(up).require(0x01).u8(), "connected");
            emulator.modem().inject(Fault.NETWORK_LOSS);
            QmuxFrame down = client.await(f -> isIndication(f, QmiServiceId.WDS,
                    WdsService.PACKET_SERVICE_STATUS_INDICATION));
            assertEquals(1, RawQmiClient.tlvs(down).require(0x01).u8(), "disconnected");
            assertEquals(3, RawQmiClient.tlvs(down).require(0x10).u16(), "call end reason: no service");
        }
    }
}
