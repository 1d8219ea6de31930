package org.wwan4j.bench.indication;

import java.nio.file.Path;
import java.time.Duration;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.host.HostJvm;

/**
 * A Java listener in a host JVM with the launcher's flags (its own process, like the C client), printing when each
 * indication reached its {@code ClientNas.onSignalInfo} listener, in the C client's format (see HostedListener).
 */
public final class JavaApiIndications implements IndicationContender {

    private final HostJvm host;

    private JavaApiIndications(HostJvm host) {
        this.host = host;
    }

    public static JavaApiIndications start(BenchEnvironment environment, Path device) throws Exception {
        HostJvm host = HostJvm.start(environment, "qmi-java-indications");
        try {
            host.call("listen " + device, "listening");
        } catch (Exception e) {
            host.close();
            throw e;
        }
        return new JavaApiIndications(host);
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public long awaitIndication(Duration timeout) throws Exception {
        String line = host.process().awaitLine(candidate -> CBaselineIndications.parseIndicationNanos(candidate) >= 0,
                timeout);
        return line == null ? -1 : CBaselineIndications.parseIndicationNanos(line);
    }

    @Override
    public void drain() {
        // One line per indication, read in order; the pause between triggers keeps them apart.
    }

    @Override
    public void close() {
        host.close();
    }
}
