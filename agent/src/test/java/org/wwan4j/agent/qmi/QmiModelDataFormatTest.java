package org.wwan4j.agent.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.agent.config.Auth;
import org.wwan4j.agent.config.IpType;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.modem.BearerProfile;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.modem.KernelDataFormat;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.status.DataFormat;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;

/**
 * The vendor table's data format reaching the negotiation through the real libqmi: a model that must stay 802.3 is
 * asked for 802.3 even where the kernel could frame raw-IP (and the kernel follows), and a model that needs raw-IP
 * on a driver without the raw_ip switch fails before Start Network, naming both.
 */
@Timeout(120)
@Tag("slow")
class QmiModelDataFormatTest {

    private static final int WDS_START_NETWORK = 0x0020;
    private static final BearerProfile INTERNET = new BearerProfile("internet", IpType.IPV4, Auth.NONE, null, null);

    private EmulatedModem emulator;
    private Modem modem;

    @AfterEach
    void close() {
        if (modem != null) {
            modem.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private void open() throws Exception {
        emulator = EmulatedModem.start(EmulatedProtocol.QMI);
        modem = get(new QmiModemFactory(null).open(emulator.path(), Protocol.QMI));
    }

    @Test
    void aModelThatMustStay8023IsAskedFor8023AndTheKernelFollows() throws Exception {
        open();
        Kernel kernel = new Kernel(true, DataFormat.RAW_IP);
        modem.useDataFormat(kernel, DataFormat.ETHERNET);

        BearerSettings settings = get(modem.connect(INTERNET, true));

        assertEquals(DataFormat.ETHERNET, settings.dataFormat());
        assertEquals(DataFormat.ETHERNET, kernel.format, "the kernel switched to the modem's 802.3");
        assertFalse(emulator.state().linkLayerRawIp());
    }

    @Test
    void withoutAModelNeedTheHostsRawIpIsAsked() throws Exception {
        open();
        Kernel kernel = new Kernel(true, DataFormat.ETHERNET);
        modem.useDataFormat(kernel, null);

        assertEquals(DataFormat.RAW_IP, get(modem.connect(INTERNET, true)).dataFormat());
        assertTrue(emulator.state().linkLayerRawIp());
    }

    @Test
    void aModelThatNeedsRawIpOnADriverWithoutTheSwitchFailsBeforeStartNetwork() throws Exception {
        open();
        modem.useDataFormat(new Kernel(false, DataFormat.ETHERNET), DataFormat.RAW_IP);

        ExecutionException failure = assertThrows(ExecutionException.class, () -> get(modem.connect(INTERNET, true)));

        String message = failure.getCause().getMessage();
        assertTrue(message.contains("data format mismatch") && message.contains("raw-ip")
                && message.contains("802.3 only"), message);
        assertEquals(0, emulator.statistics().requestsSeen("WDS", WDS_START_NETWORK));
    }

    /** qmi_wwan's switch as a test double: whether it has one, and the framing it is at. */
    private static final class Kernel implements KernelDataFormat {
        private final boolean switchable;
        volatile DataFormat format;

        Kernel(boolean switchable, DataFormat format) {
            this.switchable = switchable;
            this.format = format;
        }

        @Override
        public String interfaceName() {
            return "emu0";
        }

        @Override
        public boolean supportsRawIp() {
            return switchable;
        }

        @Override
        public DataFormat current() {
            return format;
        }

        @Override
        public void set(DataFormat wanted) {
            format = wanted;
        }
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(60, TimeUnit.SECONDS);
    }
}
