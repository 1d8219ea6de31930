package org.wwan4j.agent.mbim;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemFactory;
import org.wwan4j.mbim.MbimDeviceOptions;

/**
 * Opens {@link MbimModem}s. By default: direct (no mbim-proxy), MBIMEx 2.0 asked for (modems without it stay on
 * MBIM 1.0), no kept session; {@link #withStateDir} keeps the MBIM session across agent restarts;
 * {@link #withProxy} opens every port through mbim-proxy; without it, a port whose modem's config asks for location
 * tracking is opened through mbim-proxy anyway (GNSS over QMI-over-MBIM needs the second session only the proxy
 * gives) and every other one directly.
 */
public final class MbimModemFactory implements ModemFactory {

    private final MbimDeviceOptions options;

    public MbimModemFactory() {
        this((Path) null);
    }

    /**
     * The default factory keeping MBIM sessions in {@code stateDir} (the agent's {@code --state-dir}), so a
     * restarted agent resumes the session and an established bearer stays up; null keeps nothing.
     */
    public MbimModemFactory(Path stateDir) {
        this(MbimDeviceOptions.defaults().withMbimEx(2).withStateDir(stateDir));
    }

    public MbimModemFactory(MbimDeviceOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The same factory keeping MBIM sessions (transaction ids) in {@code stateDir}. */
    public MbimModemFactory withStateDir(Path stateDir) {
        return new MbimModemFactory(options.withStateDir(stateDir));
    }

    /**
     * The same factory opening ports through mbim-proxy (true) or directly (false). Through the proxy the port can
     * be shared: the agent's MBIM session and libqmi's QMI-over-MBIM one (location), qmicli/mbimcli {@code -p}.
     */
    public MbimModemFactory withProxy(boolean proxy) {
        return new MbimModemFactory(options.withProxy(proxy));
    }

    @Override
    public CompletableFuture<Modem> open(Path device, Protocol protocol) {
        return open(device, protocol, false);
    }

    @Override
    public CompletableFuture<Modem> open(Path device, Protocol protocol, boolean shareable) {
        Objects.requireNonNull(device, "device");
        if (protocol == Protocol.QMI) {
            return CompletableFuture.failedFuture(new ModemException(ModemException.Kind.UNSUPPORTED,
                    device + ": the MBIM factory cannot speak QMI"));
        }
        return MbimModem.open(device, shareable ? options.withProxy(true) : options);
    }
}
