package org.wwan4j.cli;

import java.util.concurrent.Callable;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.status.ModemInfo;
import org.wwan4j.agent.status.StatusJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = "One snapshot of one modem: identity, power, SIM slots, registration, signal, bearer, counters.")
final class InfoCommand implements Callable<Integer> {

    @Mixin
    ModemOptions modem;

    @Option(names = "--json", description = "Print the snapshot as JSON (the status file's field names).")
    boolean json;

    @Override
    public Integer call() {
        try (Modem m = modem.open()) {
            ModemInfo info;
            try {
                info = InfoSnapshot.read(m);
            } catch (ModemException e) {
                throw CliFailure.of(modem.device.toString(), e);
            }
            if (json) {
                System.out.println(StatusJson.info(info, true));
            } else {
                InfoText.lines(info).forEach(System.out::println);
            }
        }
        return 0;
    }
}
