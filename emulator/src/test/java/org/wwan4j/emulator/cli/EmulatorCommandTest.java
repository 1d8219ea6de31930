package org.wwan4j.emulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.emulator.model.ModemDefaults;
import picocli.CommandLine;

/** {@code wwan4j emulator}, run in-process through picocli as the CLI does. */
@Timeout(60)
class EmulatorCommandTest {

    private static int run(String... args) {
        CommandLine cli = new CommandLine(new EmulatorCommand());
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute(args);
    }

    @Test
    void execRunsQmicliAgainstThePtyAndExitsWithItsStatus(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("ids.txt");
        int status = run("--protocol", "qmi", "--exec",
                "timeout 20 qmicli -d {dev} --device-open-qmi --dms-get-ids > " + out);
        assertEquals(0, status);
        assertTrue(Files.readString(out).contains("IMEI: '" + ModemDefaults.identity().imei() + "'"),
                () -> "qmicli printed: " + out);
        assertEquals(3, run("--protocol", "qmi", "--exec", "exit 3"));
    }

    @Test
    void linkAndFaultsFromTheCommandLineApply(@TempDir Path dir) {
        Path link = dir.resolve("wdm");
        // Under the network-loss fault the modem searches; the link names the pty.
        assertEquals(0, run("--protocol", "qmi", "--link", link.toString(), "--fault", "network-loss", "--exec",
                "timeout 20 qmicli -d " + link + " --device-open-qmi --nas-get-serving-system"
                        + " | grep -q \"not-registered-searching\""));
    }

    @Test
    void aRawIpFirmwareFromTheCommandLineStillReportsItsDataFormat() {
        assertEquals(0, run("--protocol", "qmi", "--require-raw-ip", "--exec",
                "timeout 20 qmicli -d {dev} --device-open-qmi --wda-get-data-format | grep -q \"Link layer protocol: '802-3'\""));
    }

    @Test
    void theLegacyProfileFromTheCommandLineAnswersLikeAnOlderFirmware() {
        assertEquals(0, run("--protocol", "qmi", "--profile", "legacy", "--exec",
                "timeout 20 qmicli -d {dev} --device-open-qmi --dms-uim-get-iccid | grep -q \"ICCID: '\""));
        assertEquals(0, run("--protocol", "qmi", "--profile", "legacy", "--exec",
                "timeout 20 qmicli -d {dev} --device-open-qmi --uim-get-slot-status 2>&1 | grep -q InvalidQmiCommand"));
        assertEquals(0, run("--protocol", "qmi", "--profile", "modern", "--exec",
                "timeout 20 qmicli -d {dev} --device-open-qmi --uim-get-slot-status > /dev/null"));
    }

    @Test
    void the5gNsaNetworkFromTheCommandLineReportsTheNrLeg() {
        assertEquals(0, run("--protocol", "qmi", "--5g-nsa", "--exec",
                "timeout 20 qmicli -d {dev} --device-open-qmi --nas-get-signal-info | grep -q '^5G:'"));
        assertEquals(0, run("--protocol", "mbim", "--5g-nsa", "--exec", "timeout 20 mbimcli -d {dev}"
                + " --query-registration-state | grep -q \"Available data classes: 'lte, 5g-nsa'\""));
        assertEquals(1, run("--protocol", "qmi", "--exec",
                "timeout 20 qmicli -d {dev} --device-open-qmi --nas-get-signal-info | grep -q '^5G:'"));
    }

    @Test
    void badInputIsABadUsageExit(@TempDir Path dir) throws Exception {
        assertEquals(EmulatorCommand.EXIT_USAGE, run("--protocol", "qmi", "--fault", "gremlins", "--exec", "true"));
        assertEquals(EmulatorCommand.EXIT_USAGE, run("--protocol", "x25", "--exec", "true"));
        assertEquals(EmulatorCommand.EXIT_USAGE, run("--protocol", "qmi", "--profile", "ancient", "--exec", "true"));
        assertEquals(EmulatorCommand.EXIT_USAGE, run("--protocol", "mbim", "--profile", "legacy", "--exec", "true"));
        assertEquals(EmulatorCommand.EXIT_USAGE, run("--protocol", "mbim", "--require-raw-ip", "--exec", "true"));
        Path script = Files.writeString(dir.resolve("bad.json"), "{\"steps\": [{\"at\": 0, \"sginal\": {}}]}");
        assertEquals(EmulatorCommand.EXIT_USAGE, run("--protocol", "qmi", "--script", script.toString(),
                "--exec", "true"));
    }
}
