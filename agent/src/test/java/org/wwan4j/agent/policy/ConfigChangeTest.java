package org.wwan4j.agent.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.config.ModemConfig;
import org.wwan4j.agent.config.Rat;
import org.wwan4j.agent.testing.Configs;

class ConfigChangeTest {

    private final ModemConfig base = Configs.modem("m", "/dev/cdc-wdm0");

    @Test
    void sameConfigChangesNothing() {
        assertEquals(ConfigChange.NONE, ConfigChange.between(base, Configs.modem("m", "/dev/cdc-wdm0")));
        assertEquals(ConfigChange.NONE, ConfigChange.between(base, Configs.withLocation(base, true)));
    }

    @Test
    void accessPointSlotAndPreferencesForceAReconnect() {
        assertEquals(ConfigChange.RECONNECT, ConfigChange.between(base, Configs.withApn(base, "other")));
        assertEquals(ConfigChange.RECONNECT, ConfigChange.between(base, Configs.withSimSlot(base, 2)));
        assertEquals(ConfigChange.RECONNECT, ConfigChange.between(base,
                Configs.withPreferences(base, List.of(Rat.LTE), List.of(), null)));
    }

    @Test
    void mtuAndMetricOnlyReapplyIp() {
        assertEquals(ConfigChange.REAPPLY_IP, ConfigChange.between(base, Configs.withMtu(base, 1400)));
        assertEquals(ConfigChange.REAPPLY_IP, ConfigChange.between(base, Configs.withMetric(base, 500)));
    }

    @Test
    void reconnectWinsOverReapply() {
        assertEquals(ConfigChange.RECONNECT,
                ConfigChange.between(base, Configs.withMtu(Configs.withApn(base, "x"), 1400)));
    }
}
