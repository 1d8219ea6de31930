package org.wwan4j.mbim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wwan4j.mbim.EmulatedMbim.await;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Through mbim-proxy the port is shared: mbimcli -p works beside the Java client, and the client keeps working. */
class MbimProxyTest {

    @Test
    void mbimcliThroughTheProxyBesideTheJavaClient() throws Exception {
        try (EmulatedMbim mbim = EmulatedMbim.start(MbimDeviceOptions.defaults().withProxy(true))) {
            String imei = mbim.modem.state().identity().imei();
            assertEquals(imei, await(mbim.basic.queryDeviceCaps()).deviceId());

            Process mbimcli = new ProcessBuilder("mbimcli", "-p", "-d", mbim.path().toString(),
                    "--query-device-caps").redirectErrorStream(true).start();
            assertTrue(mbimcli.waitFor(60, TimeUnit.SECONDS), "mbimcli finished");
            String output = new String(mbimcli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, mbimcli.exitValue(), output);
            assertTrue(output.contains(imei), output);

            assertEquals(imei, await(mbim.basic.queryDeviceCaps()).deviceId());
            assertEquals(RegisterState.HOME, await(mbim.basic.queryRegisterState()).registerState().constant());
        }
    }
}
