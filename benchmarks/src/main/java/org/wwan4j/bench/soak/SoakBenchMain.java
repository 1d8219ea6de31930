package org.wwan4j.bench.soak;

import com.fasterxml.jackson.jr.ob.JSON;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.Failures;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code wwan4j bench --soak [MINUTES] [--json]}: the standalone agent on one emulated QMI modem for MINUTES
 * (default 60), its PSS once a second (issue 12: at most 40 MB after 30 s, within +1 MB of that after an hour).
 * Progress goes to stderr once a minute, the summary to stdout (or one JSON object); 2 on bad usage, 1 when the run
 * failed.
 */
@Command(name = "bench --soak", mixinStandardHelpOptions = true,
        description = "Soak: the standalone agent on one emulated QMI modem for MINUTES; its PSS every second.")
public final class SoakBenchMain implements Callable<Integer> {

    static final double DEFAULT_MINUTES = 60;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MINUTES", defaultValue = "60",
            converter = PositiveMinutes.class,
            description = "How long to sample after the agent's first complete status, in minutes (default: "
                    + "${DEFAULT-VALUE}; fractions allowed).")
    double minutes;

    @Option(names = "--json", description = "Print one JSON object instead of the summary.")
    boolean json;

    /** Runs with the arguments after {@code --soak}; the exit code. */
    public static int run(String[] args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        // "-5" must reach the converter (and be refused there by name), not be taken for an unknown option.
        return new CommandLine(new SoakBenchMain()).setUnmatchedOptionsArePositionalParams(true);
    }

    /** MINUTES as a positive number; anything else is refused with the argument's name. */
    static final class PositiveMinutes implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double minutes;
            try {
                minutes = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("MINUTES must be a number of minutes, got '" + value + "'");
            }
            if (!(minutes > 0) || Double.isInfinite(minutes)) {
                throw new TypeConversionException("MINUTES must be positive, got '" + value + "'");
            }
            return minutes;
        }
    }

    @Override
    public Integer call() throws Exception {
        SoakFigures figures;
        try {
            figures = new SoakRun(Duration.ofMillis(Math.round(minutes * 60_000)), System.err)
                    .run(BenchEnvironment.discover(), minutes);
        } catch (Exception e) {
            System.err.println("bench --soak: " + Failures.reason(e));
            return 1;
        }
        System.out.print(json ? JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES).asString(figures.toJson())
                + System.lineSeparator() : figures.toText());
        return 0;
    }
}
