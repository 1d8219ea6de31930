package org.wwan4j.emulator.mbim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wwan4j.emulator.EmulatedModemExtension;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.EmulatorOptions;

/**
 * A Qualcomm-like MBIM modem lists the QMI-over-MBIM service in Device Services, which is how hosts
 * (ModemManager, the agent) decide to use it; qmicli's own use of it is in {@code qmi/QmiOverMbimTest}.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MbimcliQmiServiceTest {
    @RegisterExtension
    final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.MBIM,
            EmulatorOptions.defaults().withQmiOverMbim(true));
    private final Mbimcli mbimcli = Mbimcli.on(emulator::path);

    @Test
    void deviceServicesListTheQmiServiceWithItsOneCid() throws Exception {
        Mbimcli.Result services = mbimcli.ok("--query-device-services");
        assertEquals(Set.of("basic-connect", "ms-basic-connect-extensions", "quectel", "qmi"),
                Set.copyOf(services.fields("Service")));
        assertTrue(services.stdout().contains("msg (1)"), services.stdout());
    }
}
