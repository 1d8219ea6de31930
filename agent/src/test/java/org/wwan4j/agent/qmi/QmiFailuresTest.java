package org.wwan4j.agent.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.modem.ModemException.Kind;
import org.wwan4j.glib.ClosedException;
import org.wwan4j.qmi.CoreError;
import org.wwan4j.qmi.QmiCoreException;
import org.wwan4j.qmi.QmiDeviceRemovedException;

/** QMI failures map to the same kinds as MBIM's (see MbimErrorsTest): closed, deadline, cancellation. */
class QmiFailuresTest {

    private static Kind kindOf(Throwable failure) {
        return QmiFailures.map("test", new CompletionException(failure)).kind();
    }

    private static QmiCoreException core(CoreError error) {
        return new QmiCoreException("qmi_core_error_quark", (int) error.value(), error.name());
    }

    @Test
    void aCallWhoseDeviceClosedOrWentAwayIsClosed() {
        assertEquals(Kind.CLOSED, kindOf(new ClosedException("/dev/cdc-wdm0 is closed")));
        assertEquals(Kind.CLOSED, kindOf(new QmiDeviceRemovedException("/dev/cdc-wdm0 was removed")));
        assertEquals(Kind.CLOSED, kindOf(core(CoreError.WRONG_STATE)), "libqmi: the device is not open");
    }

    @Test
    void aCallWhoseDeadlinePassedIsATimeout() {
        assertEquals(Kind.TIMEOUT, kindOf(core(CoreError.TIMEOUT)), "libqmi's timeout or the Java-side deadline");
        assertEquals(Kind.TIMEOUT, kindOf(new java.util.concurrent.TimeoutException()));
    }

    @Test
    void aCancelledCallIsClosedNeverATimeout() {
        assertEquals(Kind.CLOSED, kindOf(new CancellationException()));
    }
}
