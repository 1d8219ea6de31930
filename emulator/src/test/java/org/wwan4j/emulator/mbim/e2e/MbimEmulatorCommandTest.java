package org.wwan4j.emulator.mbim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.emulator.cli.EmulatorCommand;
import picocli.CommandLine;

/** {@code wwan4j emulator --protocol mbim}: the CLI finds the MBIM engine and serves mbimcli through the link. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MbimEmulatorCommandTest {

    private static int run(String... args) {
        CommandLine cli = new CommandLine(new EmulatorCommand());
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute(args);
    }

    @Test
    void execServesMbimcliOnTheLinkWithFaultsFromTheCommandLine(@TempDir Path dir) {
        Path link = dir.resolve("cdc-wdm0");
        assertEquals(0, run("--protocol", "mbim", "--link", link.toString(), "--exec",
                "timeout 20 mbimcli -d " + link + " --query-home-provider | grep -q \"Provider ID: '26207'\""));
        assertEquals(0, run("--protocol", "mbim", "--fault", "network-loss", "--exec",
                "timeout 20 mbimcli -d {dev} --query-registration-state | grep -q \"Register state: 'searching'\""));
    }
}
