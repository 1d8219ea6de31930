package org.wwan4j.qmi;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link QmiCidPersistenceTest}: opens the device with a state dir, allocates DMS, NAS and
 * WDS clients, prints their CIDs and waits to be killed (kill -9), never closing anything.
 */
public final class CidHolderMain {

    private CidHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        QmiDevice device = QmiDevice.open(Path.of(args[0]),
                QmiDeviceOptions.defaults().withStateDir(Path.of(args[1]))).get();
        int dms = device.dms().get().cid();
        int nas = device.nas().get().cid();
        int wds = device.wds().get().cid();
        System.out.println("READY dms=" + dms + " nas=" + nas + " wds=" + wds);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
