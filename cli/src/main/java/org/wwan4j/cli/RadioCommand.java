package org.wwan4j.cli;

import java.util.concurrent.Callable;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.status.Power;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "radio", mixinStandardHelpOptions = true,
        description = "Turn the radio on (online) or off (low power: the SIM stays readable).")
final class RadioCommand implements Callable<Integer> {

    @Mixin
    ModemOptions modem;

    @Parameters(index = "0", paramLabel = "on|off", description = "on or off")
    String state;

    @Override
    public Integer call() {
        Power wanted = switch (state) {
            case "on" -> Power.ONLINE;
            case "off" -> Power.LOW_POWER;
            default -> throw CliFailure.usage("radio state '" + state + "' is not one of on, off");
        };
        try (Modem m = modem.open()) {
            modem.await(m.setPower(wanted), Modem.REQUEST_TIMEOUT.plusSeconds(10));
            Power now = modem.await(m.power(), Modem.REQUEST_TIMEOUT.plusSeconds(5));
            System.out.println("power:        " + now.jsonName());
        }
        return 0;
    }
}
