package org.wwan4j.bench.indication;

import java.nio.file.Path;
import java.time.Duration;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.host.HostJvm;

/**
 * A Java listener in a host JVM with the launcher's flags (its own process, like the C client), printing when each
 * indication reached it in the C client's format.
 * TODO(qmiapi): the listener switches to {@code device.nas().onSignalInfoIndication(...)} (see HostedListener).
 */
public final class JavaFfiIndications implements IndicationContender {

    private final HostJvm host;

    private JavaFfiIndications(HostJvm host) {
        this.host = host;
    }

    public static JavaFfiIndications start(BenchEnvironment environment, Path device) throws Exception {
        HostJvm host = HostJvm.start(environment, "qmi-java-indications");
        try {
            host.call("listen " + device, "listening");
        } catch (Exception e) {
            host.close();
            throw e;
        }
        return new JavaFfiIndications(host);
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
