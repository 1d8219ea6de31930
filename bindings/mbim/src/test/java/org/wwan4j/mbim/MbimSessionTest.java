package org.wwan4j.mbim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wwan4j.mbim.EmulatedMbim.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.fault.Fault;

/** The MBIM session survives the process: kill -9, restart, and the new process works at once. */
class MbimSessionTest {

    @TempDir
    Path stateDir;

    @Test
    void afterKillMinusNineTheNextProcessResumesTheSessionAndSeesTheBearer() throws Exception {
        try (EmulatedModem modem = EmulatedModem.start(EmulatedProtocol.MBIM, EmulatorOptions.defaults())) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-Xmx64m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), SessionChild.class.getName(),
                    modem.path().toString(), stateDir.toString())
                    .redirectErrorStream(true).start();
            try {
                assertTrue(awaitReady(child), "child connected");
                assertTrue(modem.state().bearer().connected());
                long childReservation = reservation();
                child.destroyForcibly(); // SIGKILL: no CLOSE, no cleanup
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));

                MbimDeviceOptions options = MbimDeviceOptions.defaults().withStateDir(stateDir);
                try (MbimDevice device = await(MbimDevice.open(modem.path(), options))) {
                    BasicConnect basic = new BasicConnect(device);
                    BasicConnect.ConnectResponse connect = await(basic.queryConnect(connectQuery()));
                    assertEquals(ActivationState.ACTIVATED, connect.activationState().constant(),
                            "the bearer the dead process connected is still up");
                    assertTrue(reservation() > childReservation, "transaction ids move past the dead process's");
                    assertTrue(device.transactionId() >= childReservation,
                            "libmbim continues from the reservation: " + device.transactionId());
                }
                assertTrue(modem.state().bearer().connected(), "closing with a state dir keeps the session");
            } finally {
                child.destroyForcibly();
            }
        }
    }

    @Test
    void aKeptSessionTheModemForgotIsReopened() {
        try (EmulatedModem modem = EmulatedModem.start(EmulatedProtocol.MBIM, EmulatorOptions.defaults())) {
            // Generous: a stale session would hang until this timeout either way, and a loaded 2-core machine
            // once took more than 5 s to open a rebooted modem (a failure that was not the code's).
            MbimDeviceOptions options = MbimDeviceOptions.defaults().withStateDir(stateDir)
                    .withTimeout(Duration.ofSeconds(30));
            try (MbimDevice device = await(MbimDevice.open(modem.path(), options))) {
                assertTrue(Files.isRegularFile(device.sessionFile()));
            }
            modem.inject(Fault.REBOOT); // the modem forgets every session: the host must OPEN again
            try (MbimDevice device = await(MbimDevice.open(modem.path(), options))) {
                assertEquals(modem.state().identity().imei(),
                        await(new BasicConnect(device).queryDeviceCaps()).deviceId());
            }
        }
    }

    static BasicConnect.ConnectQueryRequest connectQuery() {
        return BasicConnect.ConnectQueryRequest.builder()
                .sessionId(0)
                .activationState(ActivationState.UNKNOWN)
                .voiceCallState(VoiceCallState.NONE)
                .ipType(ContextIpType.DEFAULT)
                .contextType(BasicConnectTest.INTERNET)
                .build();
    }

    private long reservation() throws IOException {
        try (var files = Files.list(stateDir)) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith("mbim-session")
                    && p.getFileName().toString().endsWith(".properties")).findFirst().orElseThrow();
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("reservedUntil=")) {
                    return Long.parseLong(line.substring("reservedUntil=".length()));
                }
            }
        }
        throw new AssertionError("no reservation in the session file");
    }

    private static boolean awaitReady(Process child) throws Exception {
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    System.out.println("[child] " + line);
                    if (line.equals("READY")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        return ready.get(90, TimeUnit.SECONDS);
    }
}
