package org.wwan4j.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.wwan4j.bench.load.LoadBenchMain;
import org.wwan4j.bench.soak.SoakBenchMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wwan4j bench [--quick] [--json]}: the side-by-side harness of issue 8. The table (and a chart) goes to
 * stdout, or one JSON object with {@code --json}; progress goes to stderr. Exit 0 even when some figures are
 * missing (they say why); 2 on bad usage.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Side-by-side benchmark: wwan4j (Java) vs the C client, qmicli/mbimcli per request, "
                + "ModemManager, on emulated modems. `bench --load [MINUTES]` runs the load benchmark instead, "
                + "`bench --soak [MINUTES]` the agent's memory over time.")
public final class BenchMain implements Callable<Integer> {

    @Option(names = "--quick", description = "Fewer samples and a 15 s idle window: under 3 minutes.")
    boolean quick;

    @Option(names = "--json", description = "Print one JSON object (stable keys) instead of the table and chart.")
    boolean json;

    @Option(names = "--chart-dir", paramLabel = "DIR",
            description = "Where the latency chart PNG goes (default: benchmarks/target/bench under the repository).")
    Path chartDirectory;

    @Option(names = "--only", split = ",", paramLabel = "SECTION",
            description = "Run only these sections (latency, indication, snapshot, memory, idle, start-up, disk): "
                    + "for working on one figure, not for the README table.")
    List<String> only = List.of();

    @Spec
    CommandSpec spec;

    private String[] arguments = new String[0];

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--load")) {
            // The load benchmark is its own runner (org.wwan4j.bench.load); it needs no private network.
            System.exit(LoadBenchMain.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("--soak")) {
            // The soak runs the agent as the memory section does, so in the same private network (PrivateNetwork),
            // and with private mounts, where it gives the agent a network its probe can reach (SoakNetwork).
            String[] soakArgs = java.util.Arrays.copyOfRange(args, 1, args.length);
            if (!PrivateNetwork.alreadyInside() && PrivateNetwork.available(true)) {
                System.exit(reexecInPrivateNetwork(args));
            }
            System.exit(SoakBenchMain.run(soakArgs));
        }
        System.setProperty("java.awt.headless", "true");
        BenchMain bench = new BenchMain();
        bench.arguments = args.clone();
        System.exit(new CommandLine(bench).execute(args));
    }

    private static int reexecInPrivateNetwork(String[] args) {
        try {
            return PrivateNetwork.reexec(BenchEnvironment.withoutScratch(), args, true);
        } catch (Exception e) {
            System.err.println("bench: could not re-run in a private network namespace: " + Failures.reason(e));
            return 1;
        }
    }

    @Override
    public Integer call() throws Exception {
        try {
            BenchRun.checkedSectionKeys(only); // before the re-run in a private network: the error comes at once
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!PrivateNetwork.alreadyInside() && PrivateNetwork.available()) {
            return PrivateNetwork.reexec(BenchEnvironment.withoutScratch(), arguments);
        }
        BenchEnvironment environment = BenchEnvironment.discover();
        BenchPlan plan = quick ? BenchPlan.quickPlan() : BenchPlan.fullPlan();
        Path charts = chartDirectory != null ? chartDirectory : environment.root().resolve("benchmarks/target/bench");
        new BenchRun(environment, plan, only).runAndPrint(json, charts);
        return 0;
    }
}
