package org.wwan4j.cli;

import java.util.concurrent.Callable;
import org.wwan4j.agent.modem.Modem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "disconnect", mixinStandardHelpOptions = true,
        description = "Bring the data bearer down (a bearer already down is success).")
final class DisconnectCommand implements Callable<Integer> {

    @Mixin
    ModemOptions modem;

    @Override
    public Integer call() {
        try (Modem m = modem.open()) {
            modem.await(m.disconnect(), Modem.CONNECT_TIMEOUT.plusSeconds(10));
            System.out.println("bearer:       disconnected");
        }
        return 0;
    }
}
