package org.wwan4j.agent.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.agent.config.Auth;
import org.wwan4j.agent.config.IpType;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.modem.BearerProfile;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.status.StoredProfile;
import org.wwan4j.agent.status.StoredProfile.Purpose;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.EmulatorOptions;

/** The modem's stored profiles over real libqmi (WDS Get Profile List, Get Profile Settings) from the emulator. */
@Timeout(120)
class QmiStoredProfilesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private EmulatedModem emulator;
    private Modem modem;

    @BeforeEach
    void open() throws Exception {
        emulator = EmulatedModem.start(EmulatedProtocol.QMI, EmulatorOptions.defaults());
        modem = get(new QmiModemFactory(null).open(emulator.path(), Protocol.QMI));
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

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void everyProfileIsListedWithItsApnIpTypePurposesAndRoaming() throws Exception {
        assertEquals(List.of(
                new StoredProfile(1, "default", "internet", IpType.IPV4V6, Set.of(Purpose.DEFAULT, Purpose.ATTACH),
                        true),
                new StoredProfile(2, "ims", "ims", IpType.IPV4V6, Set.of(Purpose.IMS), false)),
                get(modem.storedProfiles()));
    }

    @Test
    void theAttachApnWrittenIntoTheDefaultProfileIsReadBack() throws Exception {
        get(modem.setAttachProfile(new BearerProfile("attach.apn", IpType.IPV4, Auth.NONE, null, null)));
        StoredProfile first = get(modem.storedProfiles()).getFirst();
        assertEquals("attach.apn", first.apn());
        assertEquals(IpType.IPV4, first.ipType());
        assertEquals(Set.of(Purpose.DEFAULT, Purpose.ATTACH), first.purposes(), "what it is for stays");
    }
}
