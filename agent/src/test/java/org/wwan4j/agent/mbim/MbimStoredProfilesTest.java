package org.wwan4j.agent.mbim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wwan4j.agent.mbim.EmulatedMbimModem.await;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.config.IpType;
import org.wwan4j.agent.status.StoredProfile;
import org.wwan4j.agent.status.StoredProfile.Purpose;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.FirmwareProfile;

/**
 * The modem's provisioned contexts over real libmbim from the emulator: MS Basic Connect Extensions' v2 list
 * (IP type and roaming control included), and Basic Connect's on firmware without it.
 */
class MbimStoredProfilesTest {

    /** libmbim's MBIM_CID_MS_BASIC_CONNECT_EXTENSIONS_PROVISIONED_CONTEXTS. */
    private static final int MS_PROVISIONED_CONTEXTS_V2 = 1;

    @Test
    void theV2ListGivesApnContextTypeIpTypeAndRoamingControl() {
        try (EmulatedMbimModem mbim = EmulatedMbimModem.start()) {
            assertEquals(List.of(
                    new StoredProfile(1, null, "internet", IpType.IPV4V6, Set.of(Purpose.DEFAULT), true),
                    new StoredProfile(2, null, "ims", IpType.IPV4V6, Set.of(Purpose.IMS), false)),
                    await(mbim.modem.storedProfiles()));
        }
    }

    @Test
    void withoutTheV2ListBasicConnectsContextsGiveApnAndContextTypeOnly() {
        try (EmulatedMbimModem mbim = EmulatedMbimModem.start(
                EmulatorOptions.defaults().withProfile(FirmwareProfile.LEGACY))) {
            List<StoredProfile> expected = List.of(
                    new StoredProfile(1, null, "internet", null, Set.of(Purpose.DEFAULT), null),
                    new StoredProfile(2, null, "ims", null, Set.of(Purpose.IMS), null));
            assertEquals(expected, await(mbim.modem.storedProfiles()));
            assertEquals(expected, await(mbim.modem.storedProfiles()));
            assertEquals(1, mbim.emulator.statistics().requestsSeen("mbim-ms-basic-connect-extensions",
                    MS_PROVISIONED_CONTEXTS_V2), "a refused v2 list is not asked for again");
        }
    }
}
