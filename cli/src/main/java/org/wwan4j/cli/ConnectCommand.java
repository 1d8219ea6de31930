package org.wwan4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.wwan4j.agent.config.Auth;
import org.wwan4j.agent.config.IpType;
import org.wwan4j.agent.config.PasswordFiles;
import org.wwan4j.agent.modem.BearerProfile;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.status.Bearer;
import org.wwan4j.agent.status.ModemInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Brings the bearer up. The password only ever comes from a file or standard input: a command line is visible to
 * every user of the machine ({@code ps}, {@code /proc/PID/cmdline}), so {@code --password} is refused.
 */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = "Bring the data bearer up with an APN and print the IP settings the network gave.")
final class ConnectCommand implements Callable<Integer> {

    @Mixin
    ModemOptions modem;

    @Option(names = "--apn", required = true, paramLabel = "APN", description = "Access point name.")
    String apn;

    @Option(names = "--ip-type", paramLabel = "ipv4|ipv6|ipv4v6", defaultValue = "ipv4",
            description = "IP family (default: ${DEFAULT-VALUE}).")
    String ipType;

    @Option(names = "--auth", paramLabel = "none|pap|chap|pap-and-chap", defaultValue = "none",
            description = "Authentication (default: ${DEFAULT-VALUE}).")
    String auth;

    @Option(names = "--user", paramLabel = "U", description = "User name.")
    String user;

    /** The path that means standard input, as in most Unix tools. */
    static final String STDIN = "-";

    @Option(names = "--password-file", paramLabel = "F",
            description = "File holding the password, or - to read it from standard input (never on the command line).")
    String passwordFile;

    /** Only here to refuse it without echoing the value (picocli would quote an unknown option's argument). */
    @Option(names = "--password", hidden = true, paramLabel = "P")
    String passwordOnCommandLine;

    @Option(names = "--no-roaming", description = "Refuse to connect while roaming.")
    boolean noRoaming;

    @Override
    public Integer call() {
        IpType ip = JsonNames.parse(IpType.class, "--ip-type", ipType);
        Auth a = JsonNames.parse(Auth.class, "--auth", auth);
        if (passwordOnCommandLine != null) {
            throw CliFailure.usage("--password is refused: a command line is visible to every user; use "
                    + "--password-file F (a file only you can read) or --password-file - (standard input)");
        }
        String password = null;
        if (passwordFile != null) {
            try {
                password = STDIN.equals(passwordFile) ? PasswordFiles.read(System.in, "standard input")
                        : PasswordFiles.read(Path.of(passwordFile));
            } catch (IOException e) {
                throw CliFailure.usage("--password-file " + passwordFile + ": " + e.getMessage());
            }
        }
        BearerProfile profile = new BearerProfile(apn, ip, a, user, password);
        try (Modem m = modem.open()) {
            BearerSettings settings = modem.await(m.connect(profile, !noRoaming), Modem.CONNECT_TIMEOUT.plusSeconds(10));
            ModemInfo shown = new ModemInfo(m.device().toString(), m.protocol(), null, null, null, null, null,
                    new Bearer(true, apn, null, settings.ipv4(), settings.ipv6(), settings.dataFormat()), null, null, null);
            InfoText.lines(shown).stream().filter(l -> l.startsWith("bearer") || l.startsWith("  ipv"))
                    .forEach(System.out::println);
        }
        return 0;
    }
}
