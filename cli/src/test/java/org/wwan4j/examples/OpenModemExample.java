package org.wwan4j.examples;

import java.nio.file.Path;
import java.time.Duration;
import org.wwan4j.qmi.ClientDms;
import org.wwan4j.qmi.QmiDevice;
import org.wwan4j.qmi.QmiDeviceOptions;

/** docs/embedding.md, "Opening a modem": the text between the snippet markers is quoted there verbatim. */
public final class OpenModemExample {

    private OpenModemExample() {
    }

    /** Opens the modem, asks it who it is and closes it again; e.g. "EM7455 IMEI 359072061234567". */
    public static String describe(Path port, Path stateDir) {
        // snippet:start
        QmiDeviceOptions options = QmiDeviceOptions.defaults()
                .withStateDir(stateDir)                 // client IDs survive restarts and are reused
                .withTimeout(Duration.ofSeconds(10));   // the default bound of every request
        // open() is asynchronous like every call (a LoopFuture, which is a CompletableFuture); join() waits.
        try (QmiDevice device = QmiDevice.open(port, options).join();
             ClientDms dms = device.dms().join()) {     // closing a client releases its client ID
            String model = dms.getModel().join().model();
            String imei = dms.getIds().join().imei();
            return model + " IMEI " + imei;
        }
        // snippet:end
    }
}
