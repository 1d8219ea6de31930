package org.wwan4j.agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.config.AgentConfig;
import org.wwan4j.agent.config.ConfigException;
import org.wwan4j.agent.config.ConfigParser;
import org.wwan4j.agent.config.PasswordFiles;
import org.wwan4j.agent.modem.BearerProfile;
import org.wwan4j.agent.policy.ConnectPolicy;
import org.wwan4j.agent.policy.PasswordSource;
import org.wwan4j.agent.supervisor.RejectedPins;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.ModemLocks;
import org.wwan4j.emulator.cli.EmulatorCommand;
import org.wwan4j.emulator.model.EmulatedAccessPoint;
import org.wwan4j.emulator.model.EmulatedAuth;
import org.wwan4j.emulator.model.ModemDefaults;

/**
 * Passwords never leak: the real agent runs as a child JVM (debug logging on) with distinctive secrets (inline APN
 * password, one from a password file, an attach-APN password, CHAP and PAP, a wrong one the network refuses), is
 * driven through connects, a failing connect, config reloads with a bad field next to the password, the metrics
 * endpoint and the status file; the CLI's {@code connect} runs under emulator child processes. Every output is
 * grepped for every secret: logs, each status file version, metrics text, exception and error messages, and the
 * command line of every process spawned. A config or password file group or others may read is warned about by
 * name; mode 0600 is not. SIM PINs too: the agent unlocking one SIM with the right PIN file and failing another
 * with a wrong one (every file it leaves in its state dir grepped too), and the CLI's {@code unlock} from a file,
 * from standard input and with a wrong PIN.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@Tag("slow")
class SecretsTest {

    private static final String INLINE_PASSWORD = "Inline-Apn-Zq7wX3";
    private static final String FILE_PASSWORD = "File-Apn-Kp4vR8";
    private static final String ATTACH_PASSWORD = "Attach-Apn-Lm2nB6";
    private static final String WRONG_PASSWORD = "Wrong-Apn-Hy5tG1";
    /** Letters and digits only: a JSON parser quoting an unrecognised token stops at the first '-'. */
    private static final String UNQUOTED_PASSWORD = "UnquotedApnRc8dJ2";
    private static final String CLI_WRONG_PASSWORD = "Cli-Wrong-Pw-Vb3kS9";
    private static final String ARGV_PASSWORD = "Argv-Pw-Nf6hQ4";
    /** What the emulator's private.corp APN demands (CHAP); the CLI runs use it. */
    private static final String CORP_PASSWORD = ModemDefaults.accessPoints().stream()
            .filter(ap -> ap.password() != null).findFirst().orElseThrow().password();
    /** SIM PINs are digits only: eight of them, unlikely to turn up by chance in a log line. */
    private static final String SIM_PIN = "73915864";
    private static final String WRONG_SIM_PIN = "26481359";
    private static final List<String> SECRETS = List.of(INLINE_PASSWORD, FILE_PASSWORD, ATTACH_PASSWORD,
            WRONG_PASSWORD, UNQUOTED_PASSWORD, CLI_WRONG_PASSWORD, ARGV_PASSWORD, CORP_PASSWORD, SIM_PIN,
            WRONG_SIM_PIN);

    /** Generous: two shared cores and several JVMs; no test asserts how fast anything is. */
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final String PERMISSION_WARNING = "readable by group or others";

    @TempDir
    Path dir;

    private final List<EmulatedModem> modems = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        modems.forEach(EmulatedModem::close);
    }

    // ------------------------------------------------------------------------------------------------ the agent

    @Test
    void theAgentNeverShowsAPasswordInLogsStatusMetricsErrorsOrItsCommandLine() throws Exception {
        EmulatedModem chap = emulator(EmulatedProtocol.QMI);
        EmulatedModem pap = emulator(EmulatedProtocol.MBIM);
        EmulatedModem refusing = emulator(EmulatedProtocol.QMI);
        Path passwordFile = secretFile("apn.password", FILE_PASSWORD + "\n", "rw-------");
        Path agentDir = Files.createDirectories(dir.resolve("agent"));
        Path config = agentDir.resolve("config.json");
        writeConfig(config, goodConfig(chap, pap, refusing, passwordFile));

        ObservedProcess agent = start("agent", javaCommand(SecretsAgentMain.class.getName(), agentDir.toString()));
        Path statusFile = agentDir.resolve("status.json");
        StatusWatch status = new StatusWatch(statusFile);
        status.await("two modems connected, the third refused", s -> connected(s, "chap") && connected(s, "pap")
                && lastError(s, "refusing") != null);
        assertTrue(chap.state().bearer().connected(), "the inline password reached the QMI modem");
        assertTrue(pap.state().bearer().connected(), "the file's password reached the MBIM modem");
        assertFalse(refusing.state().bearer().connected());

        String metrics = metrics(agent);
        assertTrue(metrics.contains("wwan_rssi_dbm{modem=\"chap\"}"), masked(metrics));

        // A bad field next to the password: the error names the field, never the password beside it.
        writeConfig(config, goodConfig(chap, pap, refusing, passwordFile)
                .replace("\"ipType\": \"ipv4\", \"auth\": \"chap\"", "\"ipType\": \"ipv5\", \"auth\": \"chap\""));
        Map<String, Object> rejected = status.await("the bad ipType rejected",
                s -> s.get("configError") instanceof String e && e.contains("ipType"));
        assertTrue(((String) rejected.get("configError")).contains("ipv5"), "the bad value is named: " + masked(rejected.toString()));
        // Broken JSON with an unquoted password: the parser's own message would quote the token.
        writeConfig(config, goodConfig(chap, pap, refusing, passwordFile)
                .replace("\"" + INLINE_PASSWORD + "\"", UNQUOTED_PASSWORD));
        status.await("the broken JSON rejected",
                s -> s.get("configError") instanceof String e && e.contains("invalid JSON"));
        // A password of the wrong type is described, not shown.
        writeConfig(config, goodConfig(chap, pap, refusing, passwordFile)
                .replace("\"" + INLINE_PASSWORD + "\"", "[\"" + INLINE_PASSWORD + "\"]"));
        status.await("the array password rejected",
                s -> s.get("configError") instanceof String e && e.contains("password") && !e.contains("invalid JSON"));

        agent.stop();
        String log = agent.stderr();
        assertTrue(log.contains("DEBUG"), "debug logging was on, so there was something to grep:\n" + masked(log));
        assertTrue(log.contains("config rejected"), masked(log));
        assertFalse(log.contains(PERMISSION_WARNING), "0600 files are not warned about:\n" + masked(log));
        assertNoSecret("agent log (stderr)", log);
        assertNoSecret("agent stdout", agent.stdout());
        assertNoSecret("metrics", metrics);
        for (String version : status.versions()) {
            assertNoSecret("status file", version);
        }
        assertTrue(status.versions().size() >= 4, "status versions seen: " + status.versions().size());
        agent.assertNoSecretInCommandLines();
        System.out.printf("SecretsTest: grepped %d agent log lines, %d status file versions, %d bytes of metrics, "
                + "%d command lines; the refused modem's error: %s%n", log.lines().count(), status.versions().size(),
                metrics.length(), agent.commandLines().size(), lastError(status.await("any", s -> true), "refusing"));
    }

    /** Inline and attach passwords over CHAP (QMI), a file's over PAP (MBIM), a wrong inline one (refused). */
    private static String goodConfig(EmulatedModem chap, EmulatedModem pap, EmulatedModem refusing, Path passwordFile) {
        return "{\"modems\": ["
                + entry("chap", chap, "qmi", "{\"apn\": \"secure.apn\", \"ipType\": \"ipv4\", \"auth\": \"chap\","
                        + " \"username\": \"fleet\", \"password\": \"" + INLINE_PASSWORD + "\"}",
                        ", \"attachAccessPoint\": {\"apn\": \"attach.apn\", \"auth\": \"chap\", \"username\": \"att\","
                        + " \"password\": \"" + ATTACH_PASSWORD + "\"}")
                + ", " + entry("pap", pap, "mbim", "{\"apn\": \"file.apn\", \"auth\": \"pap\", \"username\": \"papuser\","
                        + " \"passwordFile\": \"" + passwordFile + "\"}", "")
                + ", " + entry("refusing", refusing, "qmi", "{\"apn\": \"secure.apn\", \"auth\": \"chap\","
                        + " \"username\": \"fleet\", \"password\": \"" + WRONG_PASSWORD + "\"}", "")
                + "]}";
    }

    private static String entry(String name, EmulatedModem modem, String protocol, String accessPoint, String extra) {
        return "{\"name\": \"" + name + "\", \"match\": {\"device\": \"" + modem.path() + "\"}, \"protocol\": \""
                + protocol + "\", \"interface\": \"sec-" + name + "\", \"accessPoint\": " + accessPoint
                + ", \"probe\": {\"method\": \"none\"}" + extra + "}";
    }

    private EmulatedModem emulator(EmulatedProtocol protocol) {
        EmulatedModem modem = EmulatedModem.start(protocol);
        modems.add(modem);
        modem.state().setAccessPoints(List.of(new EmulatedAccessPoint("internet", EmulatedAuth.NONE, null, null),
                new EmulatedAccessPoint("secure.apn", EmulatedAuth.CHAP, "fleet", INLINE_PASSWORD),
                new EmulatedAccessPoint("file.apn", EmulatedAuth.PAP, "papuser", FILE_PASSWORD)));
        return modem;
    }

    /** Scrapes the port the agent logged (it asked for any free one) and fetches the Prometheus text. */
    private static String metrics(ObservedProcess agent) throws Exception {
        Pattern logged = Pattern.compile("metrics on (http://127\\.0\\.0\\.1:\\d+/\\S*)");
        String url = awaitValue("the metrics address in the log", () -> {
            Matcher m = logged.matcher(agent.stderr());
            return m.find() ? m.group(1) : null;
        });
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            return response.body();
        }
    }

    // ------------------------------------------------------------------------------------------------ the CLI

    @Test
    void theConnectCommandTakesPasswordsFromAFileOrStdinRefusesThemOnTheCommandLineAndNeverEchoesThem()
            throws Exception {
        Path corp = secretFile("corp.password", CORP_PASSWORD + "\n", "rw-------");
        Path wrong = secretFile("wrong.password", CLI_WRONG_PASSWORD + "\n", "rw-------");
        Path state = Files.createDirectories(dir.resolve("cli-state"));
        String connect = String.join(" ", javaCommand("org.wwan4j.cli.Wwan4jCli")) + " connect --device {dev}"
                + " --protocol qmi --state-dir " + state + " --apn private.corp --auth chap --user corp";

        ObservedProcess fromFile = underEmulator("from-file", connect + " --password-file " + corp);
        assertEquals(0, fromFile.awaitExit(), fromFile.describe());
        assertTrue(fromFile.stdout().contains("bearer"), "connected and printed the bearer: " + fromFile.describe());

        ObservedProcess fromStdin = underEmulator("from-stdin", connect + " --password-file - < " + corp);
        assertEquals(0, fromStdin.awaitExit(), fromStdin.describe());

        ObservedProcess refused = underEmulator("wrong", connect + " --password-file " + wrong);
        assertEquals(3, refused.awaitExit(), "the network refused it: a device error. " + refused.describe());

        ObservedProcess onArgv = start("argv", javaCommand("org.wwan4j.cli.Wwan4jCli", "connect", "--device",
                dir.resolve("no-such-port").toString(), "--apn", "private.corp", "--password", ARGV_PASSWORD));
        assertEquals(2, onArgv.awaitExit(), onArgv.describe());
        assertTrue(onArgv.stderr().contains("--password is refused"), onArgv.describe());
        assertTrue(onArgv.stderr().contains("--password-file"), "says what to use instead: " + onArgv.describe());

        for (ObservedProcess run : List.of(fromFile, fromStdin, refused)) {
            assertNoSecret(run.name + " output", run.stdout() + run.stderr());
            run.assertNoSecretInCommandLines();
            assertTrue(run.commandLines().size() >= 2, "saw the emulator and the CLI: " + run.commandLines());
        }
        assertNoSecret("--password refusal", onArgv.stdout() + onArgv.stderr());
    }

    /** {@code wwan4j emulator --exec CMD} as a child: the emulator and the CLI it runs are both observed. */
    private ObservedProcess underEmulator(String name, String command) throws IOException {
        return start(name, javaCommand(EmulatorCommand.class.getName(), "--protocol", "qmi", "--exec", command));
    }

    @Test
    void aSimPinNeverShowsInTheAgentsLogsAndStatusNorInTheUnlockCommandsOutput() throws Exception {
        Path pinFile = secretFile("sim.pin", SIM_PIN + "\n", "rw-------");
        Path wrongPinFile = secretFile("wrong.pin", WRONG_SIM_PIN + "\n", "rw-------");
        EmulatedModem unlocked = lockedEmulator();
        EmulatedModem refused = lockedEmulator();
        Path agentDir = Files.createDirectories(dir.resolve("pin-agent"));
        Path config = agentDir.resolve("config.json");
        writeConfig(config, "{\"modems\": ["
                + entry("unlocked", unlocked, "qmi", "{\"apn\": \"internet\"}",
                        ", \"simPinFile\": \"" + pinFile + "\"")
                + ", " + entry("refused", refused, "qmi", "{\"apn\": \"internet\"}",
                        ", \"simPinFile\": \"" + wrongPinFile + "\"")
                + "]}");
        ObservedProcess agent = start("pin-agent", javaCommand(SecretsAgentMain.class.getName(), agentDir.toString()));
        StatusWatch status = new StatusWatch(agentDir.resolve("status.json"));
        status.await("one SIM unlocked, the other refused its PIN", s -> connected(s, "unlocked")
                && modem(s, "refused") != null && String.valueOf(modem(s, "refused").get("configError"))
                        .contains("rejected the PIN"));
        assertEquals(2, refused.state().simPin().pinRetries(), "the wrong PIN was entered once");
        agent.stop();
        assertNoSecret("agent log (stderr)", agent.stderr());
        assertNoSecret("agent stdout", agent.stdout());
        for (String version : status.versions()) {
            assertNoSecret("status file", version);
        }
        agent.assertNoSecretInCommandLines();
        // The state dir keeps what the agent remembers across restarts, the rejected PIN among it: hashed only.
        Path state = agentDir.resolve("state");
        assertTrue(Files.exists(state.resolve(RejectedPins.FILE_NAME)), "the rejection was remembered");
        try (var files = Files.walk(state)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertNoSecret("state file " + state.relativize(file), Files.readString(file));
            }
        }

        String unlock = String.join(" ", javaCommand("org.wwan4j.cli.Wwan4jCli")) + " unlock --device {dev}"
                + " --protocol qmi --pin-file ";
        ObservedProcess fromFile = underLockedEmulator("unlock-file", unlock + pinFile);
        assertEquals(0, fromFile.awaitExit(), fromFile.describe());
        assertTrue(fromFile.stdout().contains("PIN accepted"), fromFile.describe());
        ObservedProcess fromStdin = underLockedEmulator("unlock-stdin", unlock + "- < " + pinFile);
        assertEquals(0, fromStdin.awaitExit(), fromStdin.describe());
        ObservedProcess wrong = underLockedEmulator("unlock-wrong", unlock + wrongPinFile);
        assertEquals(3, wrong.awaitExit(), wrong.describe());
        assertTrue(wrong.stderr().contains("rejected the PIN (2 attempts left)"), wrong.describe());
        for (ObservedProcess run : List.of(fromFile, fromStdin, wrong)) {
            assertNoSecret(run.name + " output", run.stdout() + run.stderr());
            List<String> cli = run.commandLines().stream()
                    .filter(line -> !line.contains(EmulatorCommand.class.getName())).toList();
            assertFalse(cli.isEmpty(), "saw the CLI: " + masked(run.commandLines().toString()));
            cli.forEach(line -> assertNoSecret(run.name + " command line", line));
        }
    }

    private EmulatedModem lockedEmulator() {
        EmulatedModem modem = EmulatedModem.start(EmulatedProtocol.QMI,
                EmulatorOptions.defaults().withLocks(new ModemLocks(false, SIM_PIN)));
        modems.add(modem);
        return modem;
    }

    /** The CLI under {@code wwan4j emulator --sim-pin}: the PIN on the emulator's command line is the test's own. */
    private ObservedProcess underLockedEmulator(String name, String command) throws IOException {
        return start(name, javaCommand(EmulatorCommand.class.getName(), "--protocol", "qmi", "--sim-pin", SIM_PIN,
                "--exec", command));
    }

    // ------------------------------------------------------------------------------------------------ in process

    @Test
    void errorsAndRecordsThatHoldASecretNeverShowIt() throws Exception {
        List<String> messages = new ArrayList<>();
        for (String bad : List.of(
                "{\"modems\": [{\"name\": \"m\", \"accessPoint\": {\"apn\": \"a\", \"password\": 7" + "}}]}",
                "{\"modems\": [{\"name\": \"m\", \"accessPoint\": {\"apn\": \"a\", \"password\": \"" + INLINE_PASSWORD
                        + "\", \"passwordFile\": \"/x\"}}]}",
                "{\"modems\": [{\"name\": \"m\", \"accessPoint\": {\"apn\": \"a\", \"password\": " + UNQUOTED_PASSWORD
                        + "}}]}",
                "{\"modems\": [{\"name\": \"m\", \"accessPoint\": {\"apn\": \"a\", \"password\": \"" + INLINE_PASSWORD
                        + "\", \"password\": \"" + ATTACH_PASSWORD + "\"}}]}",
                "{\"modems\": [{\"name\": \"m\", \"accessPoint\": {\"apn\": \"bad apn\","
                        + " \"password\": \"" + INLINE_PASSWORD + "\"}}]}")) {
            try {
                ConfigParser.parse(bad);
                messages.add("(accepted)");
            } catch (ConfigException e) {
                messages.add(e.getMessage() + " " + e.errors());
            }
        }
        assertFalse(messages.contains("(accepted)"), messages.toString());
        messages.forEach(m -> assertNoSecret("config error", m));

        Path passwordFile = secretFile("p", FILE_PASSWORD + "\n", "rw-------");
        AgentConfig config = ConfigParser.parse("{\"modems\": [{\"name\": \"m\", \"accessPoint\": {\"apn\": \"a\","
                + " \"auth\": \"chap\", \"username\": \"u\", \"password\": \"" + INLINE_PASSWORD + "\"},"
                + " \"attachAccessPoint\": {\"apn\": \"b\", \"auth\": \"pap\", \"passwordFile\": \"" + passwordFile + "\"}}]}");
        assertNoSecret("config toString", config.toString());
        ConnectPolicy policy = new ConnectPolicy(PasswordSource.files());
        BearerProfile profile = policy.defaultBearer(config.modems().get(0));
        assertEquals(INLINE_PASSWORD, profile.password(), "the password is there, only not shown");
        assertNoSecret("bearer profile toString", profile.toString());
        BearerProfile attach = policy.attachBearer(config.modems().get(0));
        assertEquals(FILE_PASSWORD, attach.password());
        assertNoSecret("attach profile toString", attach.toString());

        Path huge = secretFile("huge", FILE_PASSWORD.repeat(1000), "rw-------");
        IOException tooBig = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> PasswordFiles.read(huge));
        assertNoSecret("oversized password file error", tooBig.getMessage());
        assertTrue(tooBig.getMessage().contains(huge.toString()), "names the file: " + tooBig.getMessage());
    }

    // ------------------------------------------------------------------------------------------------ file modes

    @Test
    void aConfigOrPasswordFileOthersMayReadIsWarnedAboutByNameAndMode0600IsNot() throws Exception {
        String config = "{\"modems\": [{\"name\": \"m\", \"accessPoint\": {\"apn\": \"a\", \"auth\": \"chap\","
                + " \"username\": \"u\", \"password\": \"" + INLINE_PASSWORD + "\"}}]}";
        Path openConfig = secretFile("group-config.json", config, "rw-r-----");
        Path openPassword = secretFile("others.password", FILE_PASSWORD + "\n", "rw----r--");
        ObservedProcess open = start("open-modes", javaCommand(PermissionWarningsMain.class.getName(),
                openConfig.toString(), openPassword.toString()));
        assertEquals(0, open.awaitExit(), open.describe());
        String log = open.stderr();
        assertTrue(warned(log, openConfig), "0640 config warned about by name:\n" + masked(log));
        assertTrue(warned(log, openPassword), "0604 password file warned about by name:\n" + masked(log));
        assertTrue(open.stdout().contains("config applied: 1 modem(s)"), open.describe());
        assertTrue(open.stdout().contains("password read: " + FILE_PASSWORD.length() + " characters"),
                "still read: refusing would take a device offline over a permission bit. " + open.describe());
        assertNoSecret("warnings", log + open.stdout());

        Path closedConfig = secretFile("private-config.json", config, "rw-------");
        Path closedPassword = secretFile("private.password", FILE_PASSWORD + "\n", "rw-------");
        ObservedProcess closed = start("0600-modes", javaCommand(PermissionWarningsMain.class.getName(),
                closedConfig.toString(), closedPassword.toString()));
        assertEquals(0, closed.awaitExit(), closed.describe());
        assertFalse(closed.stderr().contains(PERMISSION_WARNING), "0600 gives no warning:\n" + masked(closed.stderr()));
        assertTrue(closed.stdout().contains("password read"), closed.describe());
    }

    private static boolean warned(String log, Path file) {
        return log.lines().anyMatch(line -> line.contains("WARN") && line.contains(file.toString())
                && line.contains(PERMISSION_WARNING));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void assertNoSecret(String where, String text) {
        assertNotNull(text, where);
        for (String secret : SECRETS) {
            int at = text.indexOf(secret);
            assertTrue(at < 0, () -> where + " shows a secret: ..."
                    + text.substring(Math.max(0, at - 120), Math.min(text.length(), at + 40)).replace(secret, "<SECRET>")
                    + "...");
        }
    }

    /** A failing test must not print a secret either. */
    private static String masked(String text) {
        String shown = text;
        for (String secret : SECRETS) {
            shown = shown.replace(secret, "<SECRET>");
        }
        return shown;
    }

    private Path secretFile(String name, String content, String mode) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    /** Replaces the config atomically (as a controller would), keeping it private to its owner. */
    private static void writeConfig(Path config, String json) throws IOException {
        Path temp = config.resolveSibling(config.getFileName() + ".tmp");
        Files.writeString(temp, json);
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        Files.move(temp, config, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private ObservedProcess start(String name, List<String> command) throws IOException {
        ObservedProcess process = new ObservedProcess(name, command, dir);
        processes.add(process.process);
        return process;
    }

    private static boolean connected(Map<String, Object> status, String modem) {
        Map<String, Object> m = modem(status, modem);
        return m != null && m.get("bearer") instanceof Map<?, ?> bearer && Boolean.TRUE.equals(bearer.get("connected"));
    }

    private static String lastError(Map<String, Object> status, String modem) {
        Map<String, Object> m = modem(status, modem);
        return m != null && m.get("health") instanceof Map<?, ?> health ? (String) health.get("lastError") : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> modem(Map<String, Object> status, String name) {
        if (!(status.get("modems") instanceof List<?> list)) {
            return null;
        }
        return list.stream().map(m -> (Map<String, Object>) m).filter(m -> name.equals(m.get("name")))
                .findFirst().orElse(null);
    }

    private static <T> T awaitValue(String what, java.util.function.Supplier<T> value) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            T current = value.get();
            if (current != null) {
                return current;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Every distinct version of the status file seen while polling it, so each one can be grepped. */
    private static final class StatusWatch {
        private final Path file;
        private final Set<String> versions = new LinkedHashSet<>();

        StatusWatch(Path file) {
            this.file = file;
        }

        Map<String, Object> await(String what, Predicate<Map<String, Object>> condition) throws InterruptedException {
            AtomicReference<Map<String, Object>> last = new AtomicReference<>();
            try {
                return awaitValue(what, () -> {
                    Map<String, Object> status = read();
                    last.set(status);
                    return status != null && condition.test(status) ? status : null;
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; last status: " + masked(String.valueOf(last.get())), e);
            }
        }

        private Map<String, Object> read() {
            try {
                String text = Files.readString(file);
                versions.add(text);
                return JSON.std.mapFrom(text);
            } catch (IOException e) {
                return null; // not written yet
            }
        }

        List<String> versions() {
            return List.copyOf(versions);
        }
    }

    /**
     * A child process with its stdout and stderr in files and the command line of it and every descendant recorded
     * while they run (sampled from /proc: a short-lived CLI run is still seen, as each JVM lives for seconds).
     */
    private static final class ObservedProcess {
        private static final Duration SAMPLE = Duration.ofMillis(20);

        final String name;
        final Process process;
        private final Path out;
        private final Path err;
        private final Map<Long, String> commandLines = new LinkedHashMap<>();
        private final Thread sampler;

        ObservedProcess(String name, List<String> command, Path dir) throws IOException {
            this.name = name;
            this.out = dir.resolve(name + ".out");
            this.err = dir.resolve(name + ".err");
            this.process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            this.sampler = Thread.ofVirtual().start(() -> {
                while (process.isAlive()) {
                    record(process.toHandle());
                    process.descendants().forEach(this::record);
                    try {
                        Thread.sleep(SAMPLE.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        private void record(ProcessHandle handle) {
            try {
                byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(handle.pid()), "cmdline"));
                if (raw.length > 0) {
                    synchronized (commandLines) {
                        commandLines.putIfAbsent(handle.pid(), new String(raw, StandardCharsets.UTF_8).replace('\0', ' '));
                    }
                }
            } catch (IOException e) {
                // gone between listing and reading
            }
        }

        int awaitExit() throws InterruptedException {
            if (!process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not exit: " + describe());
            }
            sampler.join();
            return process.exitValue();
        }

        /** Closes its standard input: the agent's signal to stop. */
        void stop() throws IOException, InterruptedException {
            process.getOutputStream().close();
            assertEquals(0, awaitExit(), describe());
        }

        List<String> commandLines() {
            synchronized (commandLines) {
                return List.copyOf(commandLines.values());
            }
        }

        void assertNoSecretInCommandLines() {
            List<String> lines = commandLines();
            assertFalse(lines.isEmpty(), name + ": no command line seen");
            lines.forEach(line -> assertNoSecret(name + " command line", line));
        }

        String stdout() {
            return read(out);
        }

        String stderr() {
            return read(err);
        }

        private static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                return "";
            }
        }

        /** For failure messages only; the stream tails are grepped for secrets before any assertion shows them. */
        String describe() {
            return name + " exit " + (process.isAlive() ? "(running)" : process.exitValue()) + "\nstdout: "
                    + tail(stdout()) + "\nstderr: " + tail(stderr());
        }

        private static String tail(String text) {
            return masked(text.length() > 4000 ? text.substring(text.length() - 4000) : text);
        }
    }
}
