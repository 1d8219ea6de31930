package org.wwan4j.emulator.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.ModemLocks;
import org.wwan4j.emulator.FirmwareProfile;
import org.wwan4j.emulator.IndicationLoad;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.fault.Fault;
import org.wwan4j.emulator.fault.hostile.HostileOptions;
import org.wwan4j.emulator.script.TimelineScript;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wwan4j emulator}: serves a virtual modem on a pty. With {@code --exec} it runs one command against it (in
 * this process tree, so the command shares our devpts) and exits with that command's status; without, it prints the
 * pty path and serves until interrupted.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = "Serve a virtual QMI or MBIM modem on a pty.")
public final class EmulatorCommand implements Callable<Integer> {

    /** Exit code for bad usage, as in the rest of the CLI contract. */
    static final int EXIT_USAGE = 2;

    @Option(names = "--protocol", required = true, description = "qmi or mbim", converter = ProtocolConverter.class)
    EmulatedProtocol protocol;

    @Option(names = "--profile", paramLabel = "modern|legacy", description = "Firmware to answer like: modern "
            + "(default) or legacy, an older QMI firmware without UIM Read Transparent/Slot Status and NAS Signal "
            + "Info/System Info and WDA data format (QMI only).")
    String profile = FirmwareProfile.MODERN.cliName();

    @Option(names = "--require-raw-ip", description = "Pass no traffic (counters stay zero) until the host sets the "
            + "link layer to raw-IP with WDA Set Data Format, as most modems since 2015 do (QMI only).")
    boolean requireRawIp;

    @Option(names = "--5g-nsa", description = "A 5G NSA network: LTE anchor plus an NR5G leg, whose RSRP/RSRQ/SNR "
            + "are reported beside LTE's (QMI NAS Signal Info, MBIMEx 2.0 signal state) and NR5G among the RATs.")
    boolean nr5gNsa;

    @Option(names = "--fcc-locked", description = "Boot FCC-locked: the radio refuses to go online until an FCC "
            + "unlock arrives (QMI DMS Set FCC Authentication or a Foxconn variant, MBIM Quectel radio state on).")
    boolean fccLocked;

    @Option(names = "--sim-pin", paramLabel = "PIN", description = "The SIM asks for this PIN1 (4 to 8 digits); three "
            + "wrong tries block it for its PUK.")
    String simPin;

    @Option(names = "--qmi-over-mbim", description = "An MBIM modem that also carries QMI (LOC, DMS, NAS...) over "
            + "MBIM like Qualcomm MBIM modems, listed in Device Services (MBIM only).")
    boolean qmiOverMbim;

    @Option(names = "--link", description = "Symlink kept pointing at the pty (follows replugs).")
    Path link;

    @Option(names = "--fault", arity = "1..*", description = "Faults active from the start (hang, slow, dribble, drop-indications, malformed, unplug, unknown-tlvs, cid-exhaustion, reboot, sim-removal, network-loss, data-stall).")
    List<String> faults = List.of();

    @Option(names = "--script", description = "JSON timeline of state changes and faults to play.")
    Path script;

    @Option(names = "--indication-rate", paramLabel = "N",
            description = "Change the signal N times a second: N signal indications a second per subscribed client "
                    + "(load tests).")
    int indicationRate;
    @Option(names = "--hostile-frames", description = "Write this many hostile frames (malformed, truncated, "
            + "oversized, mutated, garbage) to the client, between its normal answers.")
    int hostileFrames;

    @Option(names = "--hostile-rate", description = "Hostile frames per second (default: ${DEFAULT-VALUE}).")
    int hostileRate = HostileOptions.DEFAULT_FRAMES_PER_SECOND;

    @Option(names = "--hostile-seed", description = "Seed of the hostile frame sequence (default: ${DEFAULT-VALUE}).")
    long hostileSeed = 1;

    @Option(names = "--exec", description = "Run this shell command with {dev} replaced by the pty path, then exit "
            + "with its status.")
    String exec;

    @Override
    public Integer call() throws Exception {
        Set<Fault> initial = EnumSet.noneOf(Fault.class);
        try {
            faults.forEach(name -> initial.add(Fault.fromName(name)));
        } catch (IllegalArgumentException e) {
            System.err.println("wwan4j emulator: " + e.getMessage());
            return EXIT_USAGE;
        }
        FirmwareProfile firmware;
        try {
            firmware = FirmwareProfile.fromName(profile);
        } catch (IllegalArgumentException e) {
            System.err.println("wwan4j emulator: --profile: " + e.getMessage());
            return EXIT_USAGE;
        }
        if (firmware != FirmwareProfile.MODERN && protocol != EmulatedProtocol.QMI) {
            System.err.println("wwan4j emulator: --profile " + firmware.cliName() + " is a QMI firmware; "
                    + protocol.name().toLowerCase(Locale.ROOT) + " has only the modern profile");
            return EXIT_USAGE;
        }
        if (requireRawIp && protocol != EmulatedProtocol.QMI) {
            System.err.println("wwan4j emulator: --require-raw-ip is a QMI option; MBIM always carries raw IP");
            return EXIT_USAGE;
        }
        if (qmiOverMbim && protocol != EmulatedProtocol.MBIM) {
            System.err.println("wwan4j emulator: --qmi-over-mbim is an MBIM option");
            return EXIT_USAGE;
        }
        if (indicationRate < 0 || indicationRate > IndicationLoad.MAX_PER_SECOND) {
            System.err.println("wwan4j emulator: --indication-rate " + indicationRate + " is not between 1 and "
                    + IndicationLoad.MAX_PER_SECOND);
            return EXIT_USAGE;
        }
        HostileOptions hostile;
        try {
            hostile = new HostileOptions(hostileFrames, hostileRate, hostileSeed);
        } catch (IllegalArgumentException e) {
            System.err.println("wwan4j emulator: " + e.getMessage());
            return EXIT_USAGE;
        }
        TimelineScript timeline = null;
        if (script != null) {
            try {
                timeline = TimelineScript.load(script);
            } catch (Exception e) {
                System.err.println("wwan4j emulator: bad script " + script + ": " + e.getMessage());
                return EXIT_USAGE;
            }
        }
        ModemLocks locks;
        try {
            locks = new ModemLocks(fccLocked, simPin);
        } catch (IllegalArgumentException e) {
            System.err.println("wwan4j emulator: --sim-pin: " + e.getMessage());
            return EXIT_USAGE;
        }
        EmulatedModem modem = EmulatedModem.start(protocol, EmulatorOptions.defaults().withLink(link)
                .withFaults(initial).withProfile(firmware).withNr5gNsa(nr5gNsa).withRequireRawIp(requireRawIp)
                .withLocks(locks).withQmiOverMbim(qmiOverMbim));
        AutoCloseable player = timeline == null ? () -> { } : timeline.play(modem);
        if (indicationRate > 0) {
            modem.startIndicationLoad(indicationRate); // closed with the modem
        }
        AutoCloseable storm = hostile.count() == 0 ? () -> { } : modem.sendHostileFrames(hostile);
        try {
            return exec != null ? runCommand(modem) : serveUntilInterrupted(modem);
        } finally {
            storm.close();
            player.close();
            modem.close();
        }
    }

    /** Prints where the port is and serves until the JVM is asked to stop (Ctrl+C, SIGTERM). */
    private int serveUntilInterrupted(EmulatedModem modem) throws InterruptedException {
        System.out.println(modem.path());
        if (link != null) {
            System.out.println(link + " -> " + modem.path());
        }
        System.out.flush();
        CountDownLatch interrupted = new CountDownLatch(1);
        // The shutdown hook unplugs the port (pty closed, link removed) before the JVM exits.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            modem.close();
            interrupted.countDown();
        }));
        interrupted.await();
        return 0;
    }

    private int runCommand(EmulatedModem modem) throws Exception {
        // Started unplugged (--fault unplug), there is no pty yet: {dev} then names the link, or nothing.
        Path device = modem.path() != null ? modem.path() : link;
        String command = exec.replace("{dev}", device == null ? "" : device.toString());
        Process process = new ProcessBuilder("/bin/sh", "-c", command).inheritIO().start();
        return process.waitFor();
    }

    static final class ProtocolConverter implements CommandLine.ITypeConverter<EmulatedProtocol> {
        @Override
        public EmulatedProtocol convert(String value) {
            try {
                return EmulatedProtocol.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected qmi or mbim, got '" + value + "'");
            }
        }
    }

    /** Runs the command on its own (handy in tests and for {@code java -cp ... EmulatorCommand}). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new EmulatorCommand()).execute(args));
    }
}
