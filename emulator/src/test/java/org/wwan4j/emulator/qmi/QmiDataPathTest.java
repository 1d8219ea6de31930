package org.wwan4j.emulator.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.FirmwareProfile;
import org.wwan4j.emulator.model.EmulatedBearer;
import org.wwan4j.emulator.model.EmulatedCounters;
import org.wwan4j.emulator.model.EmulatedIpType;

/**
 * The data path as qmicli 1.32 sees it: a firmware that moves traffic only in raw-IP framing, a legacy firmware
 * without WDA's data format messages, and dual stack as two WDS calls, one per client bound to its IP family.
 */
@Timeout(60)
@Tag("slow")
class QmiDataPathTest {

    private static final Pattern HANDLE = Pattern.compile("Packet data handle: '(\\d+)'");
    private static final Pattern CID = Pattern.compile("CID: '(\\d+)'");
    /** The test drives time itself (state.tick()); the emulator's own clock stays out of the way. */
    private static final java.time.Duration NO_TICKS = java.time.Duration.ofHours(1);

    private static EmulatedModem start(EmulatorOptions options) {
        return EmulatedModem.start(EmulatedProtocol.QMI, options.withTickInterval(NO_TICKS));
    }

    private static String group(Pattern pattern, Qmicli.Result result) {
        Matcher m = pattern.matcher(result.stdout());
        assertTrue(m.find(), () -> pattern + " not in\n" + result);
        return m.group(1);
    }

    @Test
    void aRawIpFirmwarePassesNoTrafficUntilTheLinkLayerIsRawIp() {
        try (EmulatedModem modem = start(EmulatorOptions.defaults().withRequireRawIp(true))) {
            Qmicli.ok(modem.path(), "--wds-start-network=apn=internet,ip-type=4", "--client-no-release-cid");
            modem.state().tick();
            modem.state().tick();
            assertTrue(modem.state().bearer().connected());
            assertEquals(EmulatedCounters.ZERO, modem.state().counters(), "802.3 framing moves nothing");
            assertNotNull(modem.state().dataPathError());

            Qmicli.ok(modem.path(), "--wda-set-data-format=link-layer-protocol=raw-ip");
            modem.state().tick();
            assertNull(modem.state().dataPathError());
            assertTrue(modem.state().counters().rxBytes() > 0, "raw-IP framing lets traffic flow");
            String format = Qmicli.ok(modem.path(), "--wda-get-data-format").stdout();
            assertTrue(format.contains("Link layer protocol: 'raw-ip'"), format);
        }
    }

    @Test
    void aRebootForgetsTheDataFormat() {
        try (EmulatedModem modem = start(EmulatorOptions.defaults().withRequireRawIp(true))) {
            Qmicli.ok(modem.path(), "--wda-set-data-format=link-layer-protocol=raw-ip");
            assertTrue(modem.state().linkLayerRawIp());
            modem.inject(org.wwan4j.emulator.fault.Fault.REBOOT);
            assertFalse(modem.state().linkLayerRawIp());
            assertTrue(modem.state().rawIpRequired(), "the requirement is the firmware's and survives the reboot");
        }
    }

    @Test
    void legacyFirmwareHasNoDataFormatMessages() {
        try (EmulatedModem modem = start(EmulatorOptions.defaults().withProfile(FirmwareProfile.LEGACY))) {
            Qmicli.Result get = Qmicli.run(modem.path(), "--wda-get-data-format");
            assertFalse(get.ok(), get::toString);
            assertTrue(get.stderr().contains("InvalidQmiCommand"), get::toString);
            Qmicli.Result set = Qmicli.run(modem.path(), "--wda-set-data-format=link-layer-protocol=raw-ip");
            assertFalse(set.ok(), set::toString);
            assertFalse(modem.state().linkLayerRawIp());
        }
    }

    @Test
    void dualStackIsTwoCallsOneClientPerFamily() {
        try (EmulatedModem modem = start(EmulatorOptions.defaults())) {
            Qmicli.Result v4 = Qmicli.ok(modem.path(), "--wds-start-network=apn=internet,ip-type=4",
                    "--client-no-release-cid");
            String cid4 = group(CID, v4);
            // The second client binds itself to IPv6 first; its Start Network then asks no family of its own.
            String cid6 = group(CID, Qmicli.ok(modem.path(), "--wds-set-ip-family=6", "--client-no-release-cid"));
            Qmicli.Result v6 = Qmicli.ok(modem.path(), "--wds-start-network=apn=internet", "--client-cid=" + cid6,
                    "--client-no-release-cid");
            assertTrue(v6.stdout().contains("Network started"), v6::toString);
            EmulatedBearer bearer = modem.state().bearer();
            assertEquals(EmulatedIpType.IPV4V6, bearer.ipType());
            assertEquals(0, modem.statistics().connectRequestsWhileUp(), "the second family is no duplicate connect");

            Qmicli.Result settings6 = Qmicli.ok(modem.path(), "--wds-get-current-settings", "--client-cid=" + cid6,
                    "--client-no-release-cid");
            assertTrue(settings6.stdout().contains("IPv6 address: " + bearer.ipv6().address()), settings6::toString);
            assertFalse(settings6.stdout().contains("IPv4 address"), settings6::toString);
            Qmicli.Result settings4 = Qmicli.ok(modem.path(), "--wds-get-current-settings", "--client-cid=" + cid4,
                    "--client-no-release-cid");
            assertTrue(settings4.stdout().contains("IPv4 address: " + bearer.ipv4().address()), settings4::toString);
            assertFalse(settings4.stdout().contains("IPv6 address"), settings4::toString);

            Qmicli.ok(modem.path(), "--wds-stop-network=" + group(HANDLE, v6), "--client-cid=" + cid6);
            assertEquals(EmulatedIpType.IPV4, modem.state().bearer().ipType(), "the IPv4 call stays up");
            Qmicli.ok(modem.path(), "--wds-stop-network=" + group(HANDLE, v4), "--client-cid=" + cid4);
            assertFalse(modem.state().bearer().connected());
        }
    }
}
