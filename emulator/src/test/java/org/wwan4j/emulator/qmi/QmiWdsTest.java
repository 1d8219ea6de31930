package org.wwan4j.emulator.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wwan4j.emulator.EmulatedModemExtension;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.model.EmulatedAuth;
import org.wwan4j.emulator.model.EmulatedBearer;
import org.wwan4j.emulator.model.EmulatedCounters;
import org.wwan4j.emulator.model.EmulatedIpType;
import org.wwan4j.emulator.model.Profile;

/** WDS as qmicli 1.32 sees it: the data call, its settings and counters, and the profiles. */
@Timeout(60)
@Tag("slow")
class QmiWdsTest {

    private static final Pattern HANDLE = Pattern.compile("Packet data handle: '(\\d+)'");
    private static final Pattern CID = Pattern.compile("CID: '(\\d+)'");

    @RegisterExtension
    final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.QMI);
    private final Qmicli qmicli = Qmicli.on(emulator::path);

    private static String group(Pattern pattern, Qmicli.Result result) {
        Matcher m = pattern.matcher(result.stdout());
        assertTrue(m.find(), () -> pattern + " not in\n" + result);
        return m.group(1);
    }

    /** Starts a call keeping the WDS client id; returns {handle, cid}. */
    private String[] startCall(String options) {
        Qmicli.Result started = qmicli.ok("--wds-start-network=" + options, "--client-no-release-cid");
        assertTrue(started.stdout().contains("Network started"), started::toString);
        return new String[] {group(HANDLE, started), group(CID, started)};
    }

    @Test
    void aCallComesUpWithTheNetworksSettingsAndGoesDownOnStop() {
        assertTrue(qmicli.ok("--wds-get-packet-service-status").stdout().contains("Connection status: 'disconnected'"));
        String[] call = startCall("apn=internet,ip-type=4");
        EmulatedBearer bearer = emulator.state().bearer();
        assertTrue(bearer.connected());
        assertEquals("internet", bearer.apn());
        assertTrue(qmicli.ok("--wds-get-packet-service-status").stdout().contains("Connection status: 'connected'"));

        Qmicli.Result settings = qmicli.ok("--wds-get-current-settings");
        for (String line : new String[] {"IP Family: IPv4", "IPv4 address: " + bearer.ipv4().address(),
                "IPv4 subnet mask: 255.255.255.252", "IPv4 gateway address: " + bearer.ipv4().gateway(),
                "IPv4 primary DNS: " + bearer.ipv4().dns().get(0), "IPv4 secondary DNS: " + bearer.ipv4().dns().get(1),
                "MTU: " + bearer.mtu()}) {
            assertTrue(settings.stdout().contains(line), () -> line + " missing in\n" + settings);
        }

        qmicli.ok("--wds-stop-network=" + call[0], "--client-cid=" + call[1]);
        assertFalse(emulator.state().bearer().connected());
        assertTrue(qmicli.ok("--wds-get-packet-service-status").stdout().contains("Connection status: 'disconnected'"));
        assertEquals(0, emulator.modem().statistics().clientsAllocated("WDS"));
    }

    /** qmicli --wds-follow-network polls the packet service status every 20 s; it must see the call gone. */
    @Test
    @Timeout(90)
    void followNetworkSeesTheNetworkDropTheCall() throws Exception {
        java.util.concurrent.CompletableFuture<Qmicli.Result> follow = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> Qmicli.runFor(FOLLOW_BOUND_SECONDS, emulator.path(),
                        "--wds-start-network=apn=internet,ip-type=4", "--wds-follow-network"));
        while (!emulator.state().bearer().connected()) {
            Thread.sleep(20);
        }
        emulator.modem().inject(org.wwan4j.emulator.fault.Fault.NETWORK_LOSS);
        Qmicli.Result followed = follow.get();
        assertTrue(followed.stdout().contains("Network started"), followed::toString);
        assertTrue(followed.stdout().contains("Connection status: 'disconnected'"), followed::toString);
        assertTrue(followed.stdout().contains("Stopping after detecting disconnection"), followed::toString);
    }

    /** qmicli's first status poll comes 20 s after the start; this leaves room for a loaded machine. */
    private static final int FOLLOW_BOUND_SECONDS = 40;

    @Test
    void ipv6CallReportsIpv6Settings() {
        startCall("apn=internet,ip-type=6");
        EmulatedBearer bearer = emulator.state().bearer();
        assertEquals(EmulatedIpType.IPV6, bearer.ipType());
        Qmicli.Result settings = qmicli.ok("--wds-get-current-settings");
        assertTrue(settings.stdout().contains("IP Family: IPv6"), settings::toString);
        assertTrue(settings.stdout().contains("IPv6 address: " + bearer.ipv6().address() + "/" + bearer.ipv6().prefix()),
                settings::toString);
        assertTrue(settings.stdout().contains("IPv6 primary DNS: " + bearer.ipv6().dns().get(0)), settings::toString);
    }

    @Test
    void releasingTheClientThatOwnsTheCallTearsItDown() {
        qmicli.ok("--wds-start-network=apn=internet,ip-type=4");
        assertFalse(emulator.state().bearer().connected(), "qmicli released its WDS client, so the call must be down");
    }

    @Test
    void credentialsAndApnAreCheckedByTheNetwork() {
        Qmicli.Result wrongPassword = Qmicli.run(emulator.path(),
                "--wds-start-network=apn=private.corp,ip-type=4,auth=CHAP,username=corp,password=wrong");
        assertFalse(wrongPassword.ok());
        assertTrue(wrongPassword.stderr().contains("CallFailed"), wrongPassword::toString);
        assertTrue(wrongPassword.stderr().contains("authentication-failed"), wrongPassword::toString);
        assertFalse(wrongPassword.all().contains("wrong'"), "the password must not be echoed back");

        Qmicli.Result unknownApn = qmicli.run("--wds-start-network=apn=nope,ip-type=4");
        assertFalse(unknownApn.ok());
        assertTrue(unknownApn.stderr().contains("CallFailed"), unknownApn::toString);

        startCall("apn=private.corp,ip-type=4,auth=CHAP,username=corp,password=s3cret");
        assertEquals("private.corp", emulator.state().bearer().apn());
    }

    @Test
    void packetStatisticsAreTheModelsCountersAndGrowWhileConnected() {
        startCall("apn=internet,ip-type=4");
        emulator.state().tick();
        emulator.state().tick();
        EmulatedCounters counters = emulator.state().counters();
        assertTrue(counters.rxBytes() > 0);
        Qmicli.Result stats = qmicli.ok("--wds-get-packet-statistics");
        // The emulator's clock may tick between the read above and qmicli's request; compare with what it printed.
        long tx = Long.parseLong(field(stats, "TX packets OK: (\\d+)"));
        long rxBytes = Long.parseLong(field(stats, "RX bytes OK: (\\d+)"));
        assertTrue(tx >= counters.txPackets(), stats::toString);
        assertTrue(rxBytes >= counters.rxBytes(), stats::toString);
        assertEquals(0, (rxBytes - counters.rxBytes()) % 16_000, stats::toString);
        assertTrue(stats.stdout().contains("RX packets dropped: "), stats::toString);
    }

    private static String field(Qmicli.Result result, String regex) {
        Matcher m = Pattern.compile(regex).matcher(result.stdout());
        assertTrue(m.find(), () -> regex + " not in\n" + result);
        return m.group(1);
    }

    @Test
    void theProfileListTellsWhatEachProfileIsForAndWhetherItMayRoam() {
        Qmicli.Result list = qmicli.ok("--wds-get-profile-list=3gpp");
        String[] profiles = list.stdout().split("\\[2\\] 3gpp");
        assertEquals(2, profiles.length, list::toString);
        for (String line : List.of("APN type: 'default, ia'", "No roaming: 'no'")) {
            assertTrue(profiles[0].contains(line), () -> "profile 1 lacks '" + line + "' in\n" + list);
        }
        for (String line : List.of("APN: 'ims'", "APN type: 'ims'", "No roaming: 'yes'")) {
            assertTrue(profiles[1].contains(line), () -> "profile 2 lacks '" + line + "' in\n" + list);
        }
    }

    @Test
    void profilesAreListedModifiedAndTheDefaultIsReported() {
        Qmicli.Result list = qmicli.ok("--wds-get-profile-list=3gpp");
        assertTrue(list.stdout().contains("[1] 3gpp - default"), list::toString);
        assertTrue(list.stdout().contains("APN: 'internet'"), list::toString);
        assertTrue(qmicli.ok("--wds-get-default-profile-num=3gpp").stdout().contains("Default profile number: '1'"));

        qmicli.ok("--wds-modify-profile=3gpp,2,apn=attach.apn,pdp-type=IPV4V6,auth=CHAP,username=u,password=secret2");
        Profile changed = emulator.state().profile(2).orElseThrow();
        assertEquals("attach.apn", changed.apn());
        assertEquals(EmulatedAuth.CHAP, changed.auth());
        assertEquals("secret2", changed.password());
        Qmicli.Result after = qmicli.ok("--wds-get-profile-list=3gpp");
        assertTrue(after.stdout().contains("APN: 'attach.apn'"), after::toString);
        assertFalse(after.stdout().contains("secret2"), "profile passwords are not handed out");

        qmicli.ok("--wds-set-default-profile-num=3gpp,2");
        assertEquals(2, emulator.state().defaultProfile());
        assertTrue(qmicli.ok("--wds-get-default-profile-num=3gpp").stdout().contains("Default profile number: '2'"));
    }
}
