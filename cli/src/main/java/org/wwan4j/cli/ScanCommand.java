package org.wwan4j.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ScanProgress;
import org.wwan4j.agent.status.Provider;
import org.wwan4j.agent.status.StatusJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "List visible providers (takes 1-2 minutes on real modems; progress goes to stderr).")
final class ScanCommand implements Callable<Integer> {

    @Mixin
    ModemOptions modem;

    @Option(names = "--json", description = "Print {\"providers\": [...]} as JSON.")
    boolean json;

    @Override
    public Integer call() {
        try (Modem m = modem.open()) {
            List<Provider> providers = modem.await(m.scanProviders(ScanCommand::progress),
                    Modem.SCAN_TIMEOUT.plusSeconds(10));
            System.err.println();
            if (json) {
                System.out.println(StatusJson.providers(providers, true));
            } else {
                InfoText.providers(providers).forEach(System.out::println);
            }
        }
        return 0;
    }

    /** Stderr keeps stdout clean for JSON; a carriage return redraws the line on a terminal. */
    private static void progress(ScanProgress p) {
        System.err.printf("\rscanning... %ds (%d%% of the %ds bound)", p.elapsed().toSeconds(), p.percent(),
                p.bound().toSeconds());
        System.err.flush();
    }
}
