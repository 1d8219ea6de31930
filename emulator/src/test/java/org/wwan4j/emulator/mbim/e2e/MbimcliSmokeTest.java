package org.wwan4j.emulator.mbim.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.Protocol;

@Timeout(120)
class MbimcliSmokeTest {
    @Test
    void print() throws Exception {
        try (EmulatedModem modem = EmulatedModem.start(Protocol.MBIM)) {
            for (String arg : new String[] {"--query-device-caps", "--query-subscriber-ready-status", "--query-radio-state",
                    "--query-pin-state", "--query-home-provider", "--query-registration-state", "--query-visible-providers",
                    "--query-signal-state", "--query-packet-service-state", "--ms-query-sys-caps",
                    "--ms-query-slot-info-status=1", "--ms-query-device-slot-mappings", "--query-packet-statistics",
                    "--query-connection-state", "--query-ip-configuration"}) {
                Mbimcli.Result r = Mbimcli.run(modem.path(), arg);
                System.out.println("=== " + arg + " rc=" + r.exitCode() + "\n" + r.all());
            }
        }
    }
}
