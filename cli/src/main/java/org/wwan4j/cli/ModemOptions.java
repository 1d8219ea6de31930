package org.wwan4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.linux.SysfsDiscovery;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemException;
import picocli.CommandLine.Option;

/** Options every one-modem command shares: which port, which protocol, where persistent client IDs live. */
final class ModemOptions {

    @Option(names = "--device", required = true, paramLabel = "PATH", description = "Control port, e.g. /dev/cdc-wdm0.")
    Path device;

    @Option(names = "--protocol", paramLabel = "auto|qmi|mbim", defaultValue = "auto",
            converter = ProtocolConverter.class, description = "Control protocol (default: ${DEFAULT-VALUE}, from the driver).")
    Protocol protocol;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Persistent client IDs and the data call handle (default: the agent's if writable, else ~/.local/state/wwan4j).")
    Path stateDir;

    /** Opens the modem, bounded; exits 3 with "not found" for a path that does not exist. */
    Modem open() {
        if (device.toString().isBlank() || Files.isDirectory(device)) {
            // "" resolves to the working directory, which exists; handed to libmbim it crashed the JVM (SIGSEGV).
            throw CliFailure.usage("--device '" + device + "' is not a control port path");
        }
        if (!Files.exists(device)) {
            throw new CliFailure(Wwan4jCli.EXIT_DEVICE, device + ": modem not found (no such device)");
        }
        return await(Factories.create(stateDir(), SysfsDiscovery.DEFAULT_SYSFS_ROOT, SysfsDiscovery.DEFAULT_DEV_ROOT)
                .open(device, protocol), Modem.REQUEST_TIMEOUT.multipliedBy(4));
    }

    Path stateDir() {
        if (stateDir != null) {
            return stateDir;
        }
        return StateDirs.defaultDir();
    }

    /** Waits for a modem future within a bound; failures become one-line {@link CliFailure}s. */
    <T> T await(CompletableFuture<T> future, Duration bound) {
        try {
            return future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw CliFailure.of(device.toString(), new ModemException(ModemException.Kind.TIMEOUT,
                    "no answer within " + bound.toSeconds() + " s"));
        } catch (ExecutionException e) {
            throw CliFailure.of(device.toString(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(Wwan4jCli.EXIT_DEVICE, "interrupted");
        }
    }
}
