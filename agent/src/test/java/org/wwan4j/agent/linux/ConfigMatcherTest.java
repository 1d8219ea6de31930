package org.wwan4j.agent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.config.AccessPoint;
import org.wwan4j.agent.config.ModemConfig;
import org.wwan4j.agent.config.ModemMatch;
import org.wwan4j.agent.config.ProbeConfig;
import org.wwan4j.agent.config.Protocol;

class ConfigMatcherTest {

    private static final DiscoveredModem QMI = new DiscoveredModem("cdc-wdm0", Path.of("/dev/cdc-wdm0"), Protocol.QMI,
            "qmi_wwan", "1-1.4", "1-1.4:1.8", null, "wwan0", Path.of("/sys/devices/x/1-1.4:1.8"));
    private static final DiscoveredModem MBIM = new DiscoveredModem("cdc-wdm1", Path.of("/dev/cdc-wdm1"), Protocol.MBIM,
            "cdc_mbim", "2-1", "2-1:1.12", null, "wwan1", Path.of("/sys/devices/x/2-1:1.12"));
    private static final DiscoveredModem PCIE = new DiscoveredModem("wwan0mbim0", Path.of("/tmp/dev/wwan0mbim0"),
            Protocol.MBIM, "mhi-pci-generic", null, null, "0000:01:00.0", "mhi_hwip0", Path.of("/sys/devices/y"));

    private static ModemConfig config(String name, ModemMatch match) {
        return new ModemConfig(name, match, Protocol.AUTO, null, 0, AccessPoint.DEFAULT, null, List.of(), List.of(), false,
                0, 100, false, ProbeConfig.DEFAULT);
    }

    @Test
    void eachPhysicalAddressKindMatches() {
        ModemConfig byUsb = config("usb", new ModemMatch(null, "2-1", null, null, null));
        ModemConfig byPci = config("pci", new ModemMatch(null, null, "0000:01:00.0", null, null));
        ModemConfig byDevice = config("dev", new ModemMatch("/dev/cdc-wdm0", null, null, null, null));
        ConfigMatcher.Result result = ConfigMatcher.match(List.of(byUsb, byPci, byDevice), List.of(QMI, MBIM, PCIE), Map.of());
        assertEquals(List.of(new ConfigMatcher.Assignment(byUsb, MBIM), new ConfigMatcher.Assignment(byPci, PCIE),
                new ConfigMatcher.Assignment(byDevice, QMI)), result.assigned());
        assertEquals(List.of(), result.unmanaged());
    }

    @Test
    void aCanonicalDevPathMatchesAPortUnderAnotherDevRoot() {
        ModemConfig byDevice = config("dev", new ModemMatch("/dev/wwan0mbim0", null, null, null, null));
        assertEquals(PCIE, ConfigMatcher.match(List.of(byDevice), List.of(PCIE), Map.of()).assigned().getFirst().modem());
    }

    @Test
    void everyGivenFieldMustAgree() {
        ModemConfig wrongInterface = config("m", new ModemMatch(null, "1-1.4", null, "wwan9", null));
        ConfigMatcher.Result result = ConfigMatcher.match(List.of(wrongInterface), List.of(QMI), Map.of());
        assertEquals(List.of(wrongInterface), result.missing());
        assertEquals(List.of(QMI), result.unmanaged());
    }

    @Test
    void aPreciseEntryChoosesBeforeACatchAll() {
        ModemConfig any = config("any", ModemMatch.ANY);
        ModemConfig precise = config("precise", new ModemMatch(null, null, null, "wwan0", null));
        ConfigMatcher.Result result = ConfigMatcher.match(List.of(any, precise), List.of(QMI, MBIM), Map.of());
        assertEquals(List.of(new ConfigMatcher.Assignment(any, MBIM), new ConfigMatcher.Assignment(precise, QMI)),
                result.assigned());
    }

    @Test
    void anImeiEntryWaitsForTheIdentityThenMatches() {
        ModemConfig byImei = config("imei", new ModemMatch(null, null, null, null, "356938035643809"));
        ConfigMatcher.Result before = ConfigMatcher.match(List.of(byImei), List.of(QMI, MBIM), Map.of());
        assertEquals(List.of(byImei), before.awaitingIdentity());
        assertEquals(List.of(QMI, MBIM), before.unmanaged());
        ConfigMatcher.Result after = ConfigMatcher.match(List.of(byImei), List.of(QMI, MBIM),
                Map.of("cdc-wdm0", "111111111111111", "cdc-wdm1", "356938035643809"));
        assertEquals(MBIM, after.assigned().getFirst().modem());
        assertEquals(List.of(QMI), after.unmanaged());
        ConfigMatcher.Result nobody = ConfigMatcher.match(List.of(byImei), List.of(QMI),
                Map.of("cdc-wdm0", "111111111111111"));
        assertEquals(List.of(byImei), nobody.missing());
    }

    @Test
    void moreEntriesThanModemsLeavesTheRestMissing() {
        ModemConfig a = config("a", ModemMatch.ANY);
        ModemConfig b = config("b", ModemMatch.ANY);
        ConfigMatcher.Result result = ConfigMatcher.match(List.of(a, b), List.of(QMI), Map.of());
        assertEquals(List.of(new ConfigMatcher.Assignment(a, QMI)), result.assigned());
        assertEquals(List.of(b), result.missing());
    }
}
