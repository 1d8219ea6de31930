package org.wwan4j.emulator.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wwan4j.emulator.EmulatedModemExtension;
import org.wwan4j.emulator.EmulatedProtocol;

/** Bad input never stops the emulator: it answers the protocol error where there is one and serves on. */
@Timeout(90)
class QmiRobustnessTest {

    /** Fixed, so a failure can be replayed. */
    private static final long FUZZ_SEED = 0x5EED_2026L;
    private static final int FUZZ_FRAMES = 4000;
    private static final int[] SERVICES = {QmiServiceId.CTL, QmiServiceId.WDS, QmiServiceId.DMS, QmiServiceId.NAS,
            QmiServiceId.UIM, QmiServiceId.LOC, QmiServiceId.WDA, 0x22};

    @RegisterExtension
    final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.QMI);
    private final Qmicli qmicli = Qmicli.on(emulator::path);

    @Test
    void badRequestsGetTheMatchingQmiErrors() throws Exception {
        try (RawQmiClient client = new RawQmiClient(emulator.path())) {
            int dms = client.allocate(QmiServiceId.DMS);
            assertEquals(QmiError.INVALID_QMI_COMMAND,
                    RawQmiClient.error(client.request(QmiServiceId.DMS, dms, 0x7777, new byte[0])));
            assertEquals(QmiError.MISSING_ARGUMENT,
                    RawQmiClient.error(client.request(QmiServiceId.DMS, dms, DmsService.SET_OPERATING_MODE, new byte[0])));
            assertEquals(QmiError.MALFORMED_MESSAGE, RawQmiClient.error(client.request(QmiServiceId.DMS, dms,
                    DmsService.SET_OPERATING_MODE, new byte[] {0x01, 0x00, 0x00})));
            assertEquals(QmiError.INVALID_CLIENT_ID,
                    RawQmiClient.error(client.request(QmiServiceId.NAS, 0x42, NasService.GET_SERVING_SYSTEM, new byte[0])));
            assertEquals(QmiError.INVALID_SERVICE_TYPE,
                    RawQmiClient.error(client.request(0x22, 1, 0x0001, new byte[0])));

            // TLV bytes that overrun the message: the header is fine, so the answer can still be addressed.
            byte[] frame = new QmuxFrame(QmiServiceId.DMS, dms, 0, 99, DmsService.GET_IDS,
                    new byte[] {0x10, 0x09, 0x00, 0x01}).encode();
            client.writeRaw(frame);
            QmuxFrame answer = client.await(f -> f.transaction() == 99);
            assertEquals(QmiError.MALFORMED_MESSAGE, RawQmiClient.error(answer));

            // Noise and an oversized length claim are skipped; the next request is answered.
            client.writeRaw(new byte[] {0x00, 0x7f, 0x01, (byte) 0xff, (byte) 0xff, 0x55});
            assertEquals(0, RawQmiClient.error(client.request(QmiServiceId.DMS, dms, DmsService.GET_IDS, new byte[0])));
        }
    }

    @Test
    void aClientThatDiesMidFrameDoesNotBreakTheNext() throws Exception {
        byte[] frame = new QmuxFrame(QmiServiceId.CTL, 0, 0, 1, CtlService.GET_VERSION_INFO, new byte[0]).encode();
        long closes = emulator.modem().statistics().lastClientCloses();
        try (RawQmiClient client = new RawQmiClient(emulator.path())) {
            client.writeRaw(Arrays.copyOf(frame, frame.length / 2));
        }
        awaitLastClientClosed(closes);
        Qmicli.Result ids = qmicli.run("--dms-get-ids");
        assertTrue(ids.ok() && ids.stdout().contains(emulator.state().identity().imei()), ids::toString);
    }

    @Test
    void thousandsOfRandomAndMutatedFramesLeaveItServing() throws Exception {
        Random random = new Random(FUZZ_SEED);
        List<byte[]> valid = validFrames();
        long closes = emulator.modem().statistics().lastClientCloses();
        try (RawQmiClient client = new RawQmiClient(emulator.path())) {
            for (int i = 0; i < FUZZ_FRAMES; i++) {
                byte[] fuzz = switch (random.nextInt(4)) {
                    case 0 -> randomBytes(random, 1 + random.nextInt(64));
                    case 1 -> mutate(random, valid.get(random.nextInt(valid.size())));
                    case 2 -> randomFrame(random);
                    default -> oversized(random);
                };
                if (!resetsTheModem(fuzz)) {
                    client.writeRaw(fuzz);
                }
            }
        }
        // One byte stream per pty: the next client starts once the port saw the fuzzer go (its backlog is dropped).
        awaitLastClientClosed(closes);
        // The fuzzing client may have left client ids allocated, as a crashed client would: the next client syncs.
        Qmicli.Result ids = qmicli.run("--device-open-sync", "--dms-get-ids");
        assertTrue(ids.ok() && ids.stdout().contains(emulator.state().identity().imei()), ids::toString);
        Qmicli.Result mode = qmicli.run("--dms-get-operating-mode");
        String expected = switch (emulator.state().power()) {
            case ONLINE -> "online";
            case LOW_POWER -> "low-power";
            case OFFLINE -> "offline";
        };
        assertTrue(mode.ok() && mode.stdout().contains("Mode: '" + expected + "'"), mode::toString);
        assertTrue(qmicli.run("--uim-get-slot-status").ok());
        assertTrue(emulator.modem().statistics().requestCounts().values().stream()
                .mapToLong(Long::longValue).sum() > 100);
    }

    private void awaitLastClientClosed(long before) throws InterruptedException {
        while (emulator.modem().statistics().lastClientCloses() == before) {
            Thread.sleep(10);
        }
    }

    /** A DMS reset would restart the modem under the checking client; the fuzz leaves that one out. */
    private static boolean resetsTheModem(byte[] bytes) {
        QmuxDecoder decoder = new QmuxDecoder();
        decoder.append(bytes, bytes.length);
        return decoder.drain().stream().anyMatch(d -> d.frame().service() == QmiServiceId.DMS
                && d.frame().messageId() == DmsService.SET_OPERATING_MODE);
    }

    private static List<byte[]> validFrames() {
        return List.of(
                new QmuxFrame(QmiServiceId.CTL, 0, 0, 1, CtlService.ALLOCATE_CID,
                        new TlvWriter().tlv(0x01).u8(QmiServiceId.NAS).toBytes()).encode(),
                new QmuxFrame(QmiServiceId.CTL, 0, 0, 2, CtlService.RELEASE_CID,
                        new TlvWriter().tlv(0x01).u8(QmiServiceId.NAS).u8(1).toBytes()).encode(),
                new QmuxFrame(QmiServiceId.NAS, 1, 0, 3, NasService.GET_SERVING_SYSTEM, new byte[0]).encode(),
                new QmuxFrame(QmiServiceId.WDS, 1, 0, 4, WdsService.START_NETWORK,
                        new TlvWriter().tlv(0x14).rawString("internet").tlv(0x19).u8(4).toBytes()).encode(),
                new QmuxFrame(QmiServiceId.UIM, 1, 0, 5, UimService.READ_TRANSPARENT,
                        new TlvWriter().tlv(0x01).u8(0).u8(0).tlv(0x02).u16(0x2FE2).u8(2).u8(0).u8(0x3F)
                                .tlv(0x03).u16(0).u16(0).toBytes()).encode(),
                new QmuxFrame(QmiServiceId.NAS, 1, 0, 6, NasService.SET_PREFERRED_NETWORKS,
                        new TlvWriter().tlv(0x10).u16(1).u16(262).u16(7).u16(0x4000).toBytes()).encode());
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] mutate(Random random, byte[] frame) {
        byte[] copy = Arrays.copyOf(frame, frame.length);
        switch (random.nextInt(3)) {
            case 0 -> copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
            case 1 -> {
                return Arrays.copyOf(copy, 1 + random.nextInt(copy.length));
            }
            default -> {
                for (int i = 0; i < 3; i++) {
                    copy[1 + random.nextInt(copy.length - 1)] ^= (byte) (1 << random.nextInt(8));
                }
            }
        }
        return copy;
    }

    private static byte[] randomFrame(Random random) {
        int service = SERVICES[random.nextInt(SERVICES.length)];
        byte[] tlvs = randomBytes(random, random.nextInt(40));
        return new QmuxFrame(service, random.nextInt(4), 0, random.nextInt(200), random.nextInt(0x60), tlvs).encode();
    }

    private static byte[] oversized(Random random) {
        byte[] bytes = randomBytes(random, 16);
        bytes[0] = 0x01;
        bytes[1] = (byte) 0xff;
        bytes[2] = (byte) (0x20 + random.nextInt(0xdf));
        return bytes;
    }
}
