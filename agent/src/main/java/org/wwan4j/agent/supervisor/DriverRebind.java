package org.wwan4j.agent.supervisor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.wwan4j.agent.modem.ModemException;

/**
 * Cycles a modem's driver through sysfs: writes the device name to the driver's {@code unbind}, then to its
 * {@code bind}. The kernel then removes the modem's ports and interfaces and probes them again, as if it had been
 * replugged, without power-cycling it. Needs root on a real system; tests point the target into a temp tree.
 */
final class DriverRebind {

    /**
     * sysfs writes can block in the kernel for seconds (the driver tears down its URBs): done off the supervisor's
     * thread. A write the kernel never returns from costs one thread; the step's bound moves on without it. A platform
     * thread: a virtual one would start the JDK's virtual-thread scheduler for the rest of the process's life.
     */
    private static final Executor WRITER = runnable -> Thread.ofPlatform().name("wwan-rebind").daemon()
            .start(runnable);

    private DriverRebind() {
    }

    /** Runs the rebind on its own thread; fails IO with what went wrong. */
    static CompletableFuture<Void> start(RebindTarget target) {
        return CompletableFuture.runAsync(() -> {
            try {
                rebind(target);
            } catch (IOException e) {
                throw new ModemException(ModemException.Kind.IO, "driver rebind of " + target.deviceName() + ": "
                        + e.getMessage(), e);
            }
        }, WRITER);
    }

    static void rebind(RebindTarget target) throws IOException {
        Path link = target.deviceDir().resolve("driver");
        if (!Files.exists(link)) {
            throw new IOException("no driver bound to " + target.deviceDir());
        }
        // Resolved first: unbinding removes the device's driver link.
        Path driver = link.toRealPath();
        write(driver.resolve("unbind"), target.deviceName());
        write(driver.resolve("bind"), target.deviceName());
    }

    private static void write(Path file, String deviceName) throws IOException {
        Files.writeString(file, deviceName, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
