package org.wwan4j.agent.mbim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.modem.ModemException.Kind;
import org.wwan4j.glib.ClosedException;
import org.wwan4j.mbim.CoreError;
import org.wwan4j.mbim.MbimCoreException;
import org.wwan4j.mbim.MbimDeviceRemovedException;

/** MBIM failures map to the same kinds as QMI's (see QmiFailuresTest): closed, deadline, cancellation. */
class MbimErrorsTest {

    private static Kind kindOf(Throwable failure) {
        return MbimErrors.toModemException(new CompletionException(failure), "test").kind();
    }

    private static MbimCoreException core(CoreError error) {
        return new MbimCoreException("mbim_core_error_quark", (int) error.value(), error.name());
    }

    @Test
    void aCallWhoseDeviceClosedOrWentAwayIsClosed() {
        assertEquals(Kind.CLOSED, kindOf(new ClosedException("/dev/cdc-wdm0 is closed")));
        assertEquals(Kind.CLOSED, kindOf(new MbimDeviceRemovedException("/dev/cdc-wdm0 was removed")));
        assertEquals(Kind.CLOSED, kindOf(core(CoreError.WRONG_STATE)), "libmbim: the device is not open");
    }

    @Test
    void aCallWhoseDeadlinePassedIsATimeout() {
        assertEquals(Kind.TIMEOUT, kindOf(core(CoreError.TIMEOUT)), "libmbim's timeout or the Java-side deadline");
        assertEquals(Kind.TIMEOUT, kindOf(new java.util.concurrent.TimeoutException()));
    }

    @Test
    void aCancelledCallIsClosedNeverATimeout() {
        assertEquals(Kind.CLOSED, kindOf(new CancellationException()));
    }
}
