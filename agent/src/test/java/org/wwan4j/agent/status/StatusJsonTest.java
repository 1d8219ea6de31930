package org.wwan4j.agent.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.config.Rat;

class StatusJsonTest {

    private static final Instant CONNECTED = Instant.parse("2026-11-23T10:15:30Z");

    static ModemInfo fullInfo() {
        return new ModemInfo("/dev/cdc-wdm0", Protocol.QMI,
                new Identity("356938035643809", "Quectel", "EC25", "EC25EFAR06A06M4G"), Power.ONLINE,
                List.of(new Sim(1, true, SimState.PRESENT, "89490200001234567890", "262011234567890", SimType.PHYSICAL),
                        new Sim(2, false, SimState.INACTIVE, null, null, SimType.ESIM)),
                new Registration(RegistrationState.HOME, "262", "01", "Telekom.de", List.of(Rat.LTE)),
                new Signal(-65, -9, -95, 12.5),
                new Bearer(true, "internet", CONNECTED,
                        new IpSettings("10.64.64.10", 30, "10.64.64.9", List.of("192.0.2.53"), 1500), null),
                new Counters(1L, 2L, 3L, 4L, 0L, 0L, 0L, 0L),
                List.of(new Provider("262", "07", "o2 - de", ProviderStatus.AVAILABLE, null)),
                null);
    }

    @Test
    void infoFollowsTheSchemaOrderAndNames() {
        assertEquals("{\"device\":\"/dev/cdc-wdm0\",\"protocol\":\"qmi\","
                + "\"identity\":{\"imei\":\"356938035643809\",\"manufacturer\":\"Quectel\",\"model\":\"EC25\",\"revision\":\"EC25EFAR06A06M4G\",\"hardwareRevision\":null},"
                + "\"power\":\"online\","
                + "\"sims\":[{\"slot\":1,\"active\":true,\"state\":\"present\",\"iccid\":\"89490200001234567890\",\"imsi\":\"262011234567890\",\"type\":\"physical\"},"
                + "{\"slot\":2,\"active\":false,\"state\":\"inactive\",\"iccid\":null,\"imsi\":null,\"type\":\"esim\"}],"
                + "\"registration\":{\"state\":\"home\",\"mcc\":\"262\",\"mnc\":\"01\",\"operator\":\"Telekom.de\",\"rats\":[\"lte\"],"
                + "\"attachApn\":null},"
                + "\"signal\":{\"rssi\":-65,\"rsrq\":-9,\"rsrp\":-95,\"snr\":12.5,\"nr5g\":null},"
                + "\"bearer\":{\"connected\":true,\"apn\":\"internet\",\"connectedAt\":\"2026-11-23T10:15:30Z\",\"dataFormat\":null,"
                + "\"ipv4\":{\"address\":\"10.64.64.10\",\"prefix\":30,\"gateway\":\"10.64.64.9\",\"dns\":[\"192.0.2.53\"],\"mtu\":1500},\"ipv6\":null},"
                + "\"counters\":{\"txBytes\":1,\"rxBytes\":2,\"txPackets\":3,\"rxPackets\":4,\"txDrops\":0,\"rxDrops\":0,\"txErrors\":0,\"rxErrors\":0},"
                + "\"providers\":[{\"mcc\":\"262\",\"mnc\":\"07\",\"name\":\"o2 - de\",\"status\":\"available\",\"roaming\":null}],"
                + "\"location\":null}",
                StatusJson.info(fullInfo(), false));
    }

    @Test
    void on5gNsaTheNrLegAndTheAttachApnAreWrittenBesideLte() {
        ModemInfo nsa = new ModemInfo("/dev/wwan0mbim0", Protocol.MBIM, null, Power.ONLINE, List.of(),
                new Registration(RegistrationState.HOME, "262", "01", null, List.of(Rat.NR5G, Rat.LTE), "ims"),
                new Signal(-65, -9, -95, 12.5, new Nr5gSignal(-88, null, 18.5)), null, null, List.of(), null);
        String json = StatusJson.info(nsa, false);
        assertTrue(json.contains("\"rats\":[\"5gnr\",\"lte\"],\"attachApn\":\"ims\"}"), json);
        assertTrue(json.contains("\"signal\":{\"rssi\":-65,\"rsrq\":-9,\"rsrp\":-95,\"snr\":12.5,"
                + "\"nr5g\":{\"rsrp\":-88,\"rsrq\":null,\"snr\":18.5}}"), json);
    }

    @Test
    void anUnknownModemStillHasEveryKeyWithNulls() {
        assertEquals("{\"device\":\"/dev/wwan0mbim0\",\"protocol\":\"mbim\",\"identity\":null,\"power\":\"unknown\","
                + "\"sims\":[],\"registration\":null,\"signal\":null,\"bearer\":null,\"counters\":null,"
                + "\"providers\":[],\"location\":null}",
                StatusJson.info(ModemInfo.unknown("/dev/wwan0mbim0", Protocol.MBIM), false));
    }

    @Test
    void theUnlockShowsTheLocksWithAttemptsLeftAndNeverAPin() {
        ModemStatus locked = new ModemStatus("modem1", Health.OK, "SIM rejected the PIN in /etc/pin (2 PIN attempts left)",
                null, List.of(), null, new UnlockStatus("1199:9079", new UnlockStatus.FccUnlock(FccUnlockState.UNLOCKED,
                        "qmi-dms-set-fcc-authentication", "FCC unlock brought the radio on"),
                        new SimLock(SimLockState.PIN_REQUIRED, 2, 10), "rejected"));
        String json = StatusJson.agent(new AgentStatus(CONNECTED, false, List.of(locked)), false);
        assertTrue(json.contains("\"unlock\":{\"hardwareId\":\"1199:9079\",\"fcc\":{\"state\":\"unlocked\","
                + "\"method\":\"qmi-dms-set-fcc-authentication\",\"message\":\"FCC unlock brought the radio on\"},"
                + "\"sim\":{\"state\":\"pin-required\",\"pinRetries\":2,\"pukRetries\":10,\"lastPinAttempt\":\"rejected\"}}"),
                json);
    }

    @Test
    void theStatusFilePutsAgentFieldsBeforeTheModemSnapshot() {
        ModemStatus managed = new ModemStatus("modem1", new Health(HealthState.RECOVERING, "NETDEV WATCHDOG", 1, RecoveryStep.REOPEN), null,
                "modem is not connected",
                List.of(new StatusEvent(CONNECTED, "kernel", "NETDEV WATCHDOG: wwan0 (cdc_mbim): transmit queue 0 timed out")),
                fullInfo());
        ModemStatus missing = new ModemStatus("modem2", new Health(HealthState.ABSENT, null, 0), "modem not found", null,
                List.of(), null);
        String json = StatusJson.agent(new AgentStatus(CONNECTED, false, List.of(managed, missing)), false);
        assertTrue(json.startsWith("{\"updated\":\"2026-11-23T10:15:30Z\",\"radioSilence\":false,"
                + "\"radioSilenceTimestamp\":null,\"configError\":null,\"modems\":[{\"name\":\"modem1\","
                + "\"health\":{\"state\":\"recovering\",\"lastError\":\"NETDEV WATCHDOG\",\"recoveries\":1,\"recoveryStep\":\"reopen\"},"
                + "\"configError\":null,\"probeError\":\"modem is not connected\",\"unlock\":null,"
                + "\"events\":[{\"at\":\"2026-11-23T10:15:30Z\",\"kind\":\"kernel\",\"message\":\"NETDEV WATCHDOG: wwan0 (cdc_mbim): transmit queue 0 timed out\"}],"
                + "\"device\":\"/dev/cdc-wdm0\",\"protocol\":\"qmi\","), json);
        assertTrue(json.endsWith("{\"name\":\"modem2\",\"health\":{\"state\":\"absent\",\"lastError\":null,\"recoveries\":0,\"recoveryStep\":null},"
                + "\"configError\":\"modem not found\",\"probeError\":null,\"unlock\":null,\"events\":[],\"device\":null,\"protocol\":null,"
                + "\"identity\":null,\"power\":\"unknown\",\"sims\":[],\"registration\":null,\"signal\":null,\"bearer\":null,"
                + "\"counters\":null,\"providers\":[],\"location\":null}]}"), json);
    }

    @Test
    void prettyOutputIsTheSameDocument() throws Exception {
        String pretty = StatusJson.info(fullInfo(), true);
        assertTrue(pretty.contains("\n"));
        assertEquals(JSON.std.anyFrom(StatusJson.info(fullInfo(), false)), JSON.std.anyFrom(pretty));
    }

    @Test
    void theStatusFileIsWrittenWhole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("status.json");
        AgentStatus status = new AgentStatus(CONNECTED, true, List.of());
        StatusJson.writeStatusFile(file, status);
        assertEquals(JSON.std.anyFrom(StatusJson.agent(status, false)), JSON.std.anyFrom(Files.readString(file)));
    }
}
