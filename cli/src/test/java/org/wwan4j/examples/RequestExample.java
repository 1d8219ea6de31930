package org.wwan4j.examples;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.wwan4j.qmi.ClientDms;
import org.wwan4j.qmi.DmsOperatingMode;
import org.wwan4j.qmi.QmiDevice;
import org.wwan4j.qmi.QmiProtocolException;

/** docs/embedding.md, "A request": the text between the snippet markers is quoted there verbatim. */
public final class RequestExample {

    private RequestExample() {
    }

    /** Puts the modem in low-power mode and reads the mode back. */
    public static DmsOperatingMode lowPower(QmiDevice device) {
        // snippet:start
        try (ClientDms dms = device.dms().join()) {
            // Inputs are builders, one method per TLV; this request gets its own 5 s bound.
            var input = new ClientDms.SetOperatingModeInput().mode(DmsOperatingMode.LOW_POWER);
            dms.setOperatingMode(input, Duration.ofSeconds(5)).join();
            // Outputs are records; enums come as EnumValue, which keeps values this build does not know.
            return dms.getOperatingMode()
                    .thenApply(output -> output.mode().orElse(DmsOperatingMode.UNKNOWN))
                    .join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof QmiProtocolException refused) {
                // The modem's answer: refused.error() is the QMI protocol error (an EnumValue too).
                throw new IllegalStateException("the modem refused: " + refused.error(), refused);
            }
            throw e; // ClosedException, a TIMEOUT QmiCoreException, ...
        }
        // snippet:end
    }
}
