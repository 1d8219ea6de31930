package org.wwan4j.mbim;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Run in a child JVM by {@link MbimSessionTest}: opens the device with a state dir, connects a bearer, sends some
 * requests, prints READY and waits to be killed with SIGKILL.
 */
public final class SessionChild {

    private SessionChild() {}

    public static void main(String[] args) throws Exception {
        Path device = Path.of(args[0]);
        Path stateDir = Path.of(args[1]);
        MbimDevice mbim = MbimDevice.open(device, MbimDeviceOptions.defaults().withStateDir(stateDir))
                .get(60, TimeUnit.SECONDS);
        BasicConnect basic = new BasicConnect(mbim);
        basic.setConnect(BasicConnectTest.connect(ActivationCommand.ACTIVATE, "internet", null, null))
                .get(60, TimeUnit.SECONDS);
        for (int i = 0; i < 50; i++) {
            basic.queryRegisterState().get(60, TimeUnit.SECONDS);
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(5)); // killed long before
    }
}
