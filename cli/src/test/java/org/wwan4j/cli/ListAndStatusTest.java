package org.wwan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.daemon.AgentRunFile;
import org.wwan4j.agent.json.JsonReader;
import org.wwan4j.agent.linux.FakeSysfs;
import org.wwan4j.agent.reliability.CrashAgentProcess;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.EmulatorOptions;

/** {@code list} from a sysfs tree, {@code status} from the agent's run record, and both beside a running agent. */
@Timeout(180)
class ListAndStatusTest {

    /** Bounds the waits on the agent process; generous, the machine is shared with other builds. */
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(50);

    @TempDir
    Path dir;

    private CrashAgentProcess agent;

    @AfterEach
    void stopAgent() throws InterruptedException {
        if (agent != null && agent.isAlive()) {
            agent.killHard();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void listShowsEveryModemSysfsDescribes() throws Exception {
        FakeSysfs sysfs = new FakeSysfs(dir.resolve("sys"));
        sysfs.usbModem("0000:00:14.0", "1-1.4", "1.8", "qmi_wwan", "cdc-wdm0", "1.8", "wwan0");
        sysfs.mhiModem("0000:00:1c.0", "0000:01:00.0", "mhi_hwip0");

        CliRun json = list("--json");
        assertEquals(0, json.exitCode(), json::err);
        Map<String, Object> out = (Map<String, Object>) JsonReader.read(json.out());
        assertNull(out.get("agent"), "no agent runs");
        List<Map<String, Object>> modems = (List<Map<String, Object>>) out.get("modems");
        assertEquals(2, modems.size(), json::out);
        Map<String, Object> usb = modems.get(0);
        assertEquals(dir.resolve("dev/cdc-wdm0").toString(), usb.get("device"));
        assertEquals("cdc-wdm0", usb.get("port"));
        assertEquals("qmi_wwan", usb.get("driver"));
        assertEquals("qmi", usb.get("protocol"));
        assertEquals("1-1.4", usb.get("usb"));
        assertEquals("1-1.4:1.8", usb.get("usbInterface"));
        assertNull(usb.get("pci"));
        assertEquals("wwan0", usb.get("interface"));
        assertNull(usb.get("managedBy"));
        Map<String, Object> pci = modems.get(1);
        assertEquals(dir.resolve("dev/wwan0mbim0").toString(), pci.get("device"));
        assertEquals("mhi-pci-generic", pci.get("driver"));
        assertEquals("mbim", pci.get("protocol"));
        assertEquals("0000:01:00.0", pci.get("pci"));
        assertEquals("mhi_hwip0", pci.get("interface"));

        CliRun text = list();
        assertEquals(0, text.exitCode(), text::err);
        List<String> lines = text.out().lines().toList();
        assertEquals(List.of("DEVICE", "DRIVER", "PROTOCOL", "ADDRESS", "INTERFACE", "AGENT"),
                List.of(lines.getFirst().split(" +")));
        assertTrue(lines.get(1).matches(".*cdc-wdm0 +qmi_wwan +qmi +usb 1-1\\.4 +wwan0 +-"), text::out);
        assertTrue(lines.get(2).matches(".*wwan0mbim0 +mhi-pci-generic +mbim +pci 0000:01:00\\.0 +mhi_hwip0 +-"),
                text::out);
    }

    @Test
    void listSaysWhereItLookedWhenThereIsNoModem() throws Exception {
        Files.createDirectories(dir.resolve("sys"));
        CliRun run = list();
        assertEquals(0, run.exitCode(), run::err);
        assertEquals("no modems found in " + dir.resolve("sys/class/usbmisc") + " or " + dir.resolve("sys/class/wwan"),
                run.out().strip());
    }

    @Test
    void statusWithoutAnAgentNamesTheRunRecordItLookedFor() {
        CliRun run = CliRun.of("status", "--state-dir", dir.resolve("state").toString());
        assertEquals(Wwan4jCli.EXIT_DEVICE, run.exitCode());
        assertTrue(run.err().contains("no agent runs") && run.err().contains(dir.resolve("state")
                .resolve(AgentRunFile.FILE_NAME).toString()), run::err);
        assertEquals("", run.out());

        CliRun named = CliRun.of("status", "--status", dir.resolve("status.json").toString());
        assertEquals(Wwan4jCli.EXIT_DEVICE, named.exitCode());
        assertTrue(named.err().contains("no status file " + dir.resolve("status.json")), named::err);
    }

    @Test
    void statusOfAnAgentThatWasKilledNamesItsLastStatusFile() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        Path state = dir.resolve("state");
        Path status = dir.resolve("status.json");
        new AgentRunFile(exited.pid(), exited.info().startInstant().orElse(null), status, null).writeTo(state);

        CliRun run = CliRun.of("status", "--state-dir", state.toString());
        assertEquals(Wwan4jCli.EXIT_DEVICE, run.exitCode());
        assertTrue(run.err().contains("process " + exited.pid()) && run.err().contains("has exited")
                && run.err().contains(status.toString()), run::err);
    }

    /**
     * The agent as its own process (as on a device), on an emulated QMI modem that sysfs describes as a USB modem
     * and the config matches by USB address; its log in JSON lines at debug.
     */
    @Test
    @Tag("slow")
    @SuppressWarnings("unchecked")
    void listAndStatusSeeTheRunningAgentWhileItHoldsTheModem() throws Exception {
        FakeSysfs sysfs = new FakeSysfs(dir.resolve("sys"));
        sysfs.usbModem("0000:00:14.0", "1-1.4", "1.8", "qmi_wwan", "cdc-wdm0", "1.8", "wwan0");
        Path dev = Files.createDirectories(dir.resolve("dev"));
        Path config = dir.resolve("agent.json");
        Files.writeString(config, """
                {"modems": [{"name": "field1", "match": {"usb": "1-1.4"},
                             "accessPoint": {"apn": "internet"}, "probe": {"method": "none"}}]}
                """);
        Path state = dir.resolve("state");
        Path status = dir.resolve("run/status.json");
        Files.createDirectories(status.getParent());
        Path log = dir.resolve("agent.log");

        try (EmulatedModem modem = EmulatedModem.start(EmulatedProtocol.QMI,
                EmulatorOptions.defaults().withLink(dev.resolve("cdc-wdm0")))) {
            agent = CrashAgentProcess.start(List.of("--config", config.toString(), "--status", status.toString(),
                    "--state-dir", state.toString(), "--sysfs-root", dir.resolve("sys").toString(), "--dev-root",
                    dev.toString(), "--log-format", "json", "--log-level", "debug"), log);
            // Registered is as far as it gets: the bearer comes up, but there is no wwan0 here to configure.
            until(log, "the agent records its run and reports field1 registered, with a signal reading", () ->
                    Files.exists(AgentRunFile.fileIn(state)) && registeredHomeWithSignal(status));

            CliRun json = CliRun.of("status", "--state-dir", state.toString(), "--json");
            assertEquals(0, json.exitCode(), json::err);
            Map<String, Object> document = (Map<String, Object>) JsonReader.read(json.out());
            Map<String, Object> reported = ((List<Map<String, Object>>) document.get("modems")).getFirst();
            assertEquals("field1", reported.get("name"));
            assertEquals(dev.resolve("cdc-wdm0").toString(), reported.get("device"));

            CliRun text = CliRun.of("status", "--state-dir", state.toString());
            assertEquals(0, text.exitCode(), text::err);
            assertTrue(text.out().startsWith("agent process " + agent.pid() + ", status " + status + ", updated "),
                    text::out);
            String row = text.out().lines().filter(l -> l.startsWith("field1")).findFirst().orElseThrow();
            assertTrue(row.matches("field1 +" + dev.resolve("cdc-wdm0") + " +qmi +(ok|recovering) +home +.+ +-\\d+ dBm"
                    + " +.*"), text::out);

            CliRun list = listWithStateDir(state, "--json");
            assertEquals(0, list.exitCode(), list::err);
            Map<String, Object> listed = (Map<String, Object>) JsonReader.read(list.out());
            assertEquals(agent.pid(), ((Number) listed.get("agent")).longValue());
            assertEquals("field1", ((List<Map<String, Object>>) listed.get("modems")).getFirst().get("managedBy"));

            agent.stop();
            assertFalse(Files.exists(AgentRunFile.fileIn(state)), "a stopped agent removes its run record");
            CliRun stopped = CliRun.of("status", "--state-dir", state.toString());
            assertEquals(Wwan4jCli.EXIT_DEVICE, stopped.exitCode(), stopped::out);
            assertTrue(stopped.err().contains("no agent runs"), stopped::err);
        }
        assertLogIsJsonLines(log);
    }

    /**
     * Every line the agent's logging printed is one JSON record, debug ones among them. libqmi's own warnings
     * (GLib's "(process:PID): Qmi-WARNING **: ..." after a blank line) still go to stderr in GLib's format: GLib's
     * log writer is not routed into SLF4J yet.
     */
    @SuppressWarnings("unchecked")
    private static void assertLogIsJsonLines(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        assertFalse(lines.isEmpty());
        boolean debug = false;
        for (String line : lines) {
            if (line.isEmpty() || line.startsWith("(process:")) {
                continue;
            }
            Map<String, Object> record;
            try {
                record = (Map<String, Object>) JsonReader.read(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON record: " + line, e);
            }
            assertTrue(record.keySet().containsAll(List.of("time", "level", "logger", "thread", "message")), line);
            debug |= "debug".equals(record.get("level"));
        }
        assertTrue(debug, "--log-level debug writes debug records");
    }

    /** {@code list} over this test's sysfs and dev roots, with a state dir no agent ever used. */
    private CliRun list(String... more) {
        return listWithStateDir(dir.resolve("no-agent"), more);
    }

    private CliRun listWithStateDir(Path stateDir, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("list", "--sysfs-root", dir.resolve("sys").toString(),
                "--dev-root", dir.resolve("dev").toString(), "--state-dir", stateDir.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Whether the status file's first modem is registered on its home network. */
    @SuppressWarnings("unchecked")
    private static boolean registeredHomeWithSignal(Path status) {
        try {
            Map<String, Object> document = (Map<String, Object>) JsonReader.read(Files.readString(status));
            List<Map<String, Object>> modems = (List<Map<String, Object>>) document.get("modems");
            // The signal too: the status table's RSSI column is checked below, and the agent may publish the
            // registration before its first signal reading.
            return !modems.isEmpty() && modems.getFirst().get("registration") instanceof Map<?, ?> registration
                    && "home".equals(registration.get("state"))
                    && modems.getFirst().get("signal") instanceof Map<?, ?> signal && signal.get("rssi") != null;
        } catch (IOException e) {
            return false; // not written yet
        } catch (org.wwan4j.agent.json.JsonSyntaxException e) {
            throw new AssertionError("the status file is not one JSON document", e);
        }
    }

    private void until(Path log, String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (!agent.isAlive()) {
                throw new AssertionError("the agent exited before " + what + "; its log:\n" + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what + "; the agent's log:\n"
                        + Files.readString(log));
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
