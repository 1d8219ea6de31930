package org.wwan4j.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;

/** Through qmi-proxy, qmicli -p works beside the API on the same port. */
@Timeout(120)
class QmiProxyTest {

    @Test
    void qmicliThroughTheProxyWorksBesideTheApi() throws IOException, InterruptedException {
        try (EmulatedModem modem = EmulatedModem.start(EmulatedProtocol.QMI)) {
            QmiDevice device = Await.result(QmiDevice.open(modem.path(), QmiDeviceOptions.defaults().withProxy(true)));
            try {
                ClientDms dms = Await.result(device.dms());
                String manufacturer = modem.state().identity().manufacturer();
                assertEquals(manufacturer, Await.result(dms.getManufacturer()).manufacturer());

                Process qmicli = new ProcessBuilder("qmicli", "-p", "-d", modem.path().toString(),
                        "--device-open-qmi", "--dms-get-manufacturer").redirectErrorStream(true).start();
                assertTrue(qmicli.waitFor(60, TimeUnit.SECONDS), "qmicli finished");
                String output = new String(qmicli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, qmicli.exitValue(), output);
                assertTrue(output.contains(manufacturer), output);

                assertEquals(modem.state().identity().model(), Await.result(dms.getModel()).model());
            } finally {
                device.close();
            }
        }
    }
}
