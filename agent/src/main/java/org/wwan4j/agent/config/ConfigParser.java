package org.wwan4j.agent.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.wwan4j.agent.json.JsonReader;
import org.wwan4j.agent.json.JsonSyntaxException;

/**
 * Reads the agent's config file (schema in DESIGN.md) into an {@link AgentConfig}. The JSON is read into plain
 * maps and lists and validated by hand, so that every problem names its path and value and all of them are
 * reported at once. Absent keys and JSON nulls take the schema's defaults.
 */
public final class ConfigParser {

    /** A config bigger than this is certainly not a modem config; refuse before reading it into memory. */
    public static final long MAX_CONFIG_BYTES = 1 << 20;

    public static final int MTU_MIN = 576;
    /** Jumbo frames; nothing a cellular bearer offers goes beyond. */
    public static final int MTU_MAX = 9000;
    /** IPv6 needs at least this much on every link (RFC 8200). */
    public static final int IPV6_MIN_MTU = 1280;
    public static final int SIM_SLOT_MAX = 16;
    public static final long ROUTE_METRIC_MAX = 0xFFFF_FFFFL;
    public static final int PROBE_INTERVAL_MIN_SECONDS = 10;
    public static final int PROBE_INTERVAL_MAX_SECONDS = 86_400;
    /** Below a few seconds a stall cannot be told from a quiet moment between two counter reads. */
    public static final int STALL_MIN_SECONDS = 5;
    public static final int STALL_MAX_SECONDS = 86_400;
    public static final int WATCHDOG_INTERVAL_MIN_SECONDS = 1;
    public static final int WATCHDOG_INTERVAL_MAX_SECONDS = 3_600;
    /** 3GPP TS 23.003: an APN is at most 100 octets. */
    public static final int APN_MAX_CHARS = 100;
    public static final int NAME_MAX_CHARS = 64;
    /** PAP/CHAP user names and passwords on QMI and MBIM modems are at most this long. */
    public static final int CREDENTIAL_MAX_CHARS = 255;
    /** RFC 1035: a domain name is at most 253 characters in text form. */
    public static final int HOST_MAX_CHARS = 253;
    /** IFNAMSIZ minus the terminating NUL. */
    public static final int IFNAME_MAX_CHARS = 15;

    private static final Pattern PLMN = Pattern.compile("\\d{5,6}");
    private static final Pattern IMEI = Pattern.compile("\\d{15}");
    /** Kernel form bus-port[.port...]; the reference agent's bus:port[.port] is accepted and normalised. */
    private static final Pattern USB = Pattern.compile("(\\d+)[-:](\\d+(?:\\.\\d+)*)");
    private static final Pattern PCI = Pattern.compile("[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]");
    private static final Pattern IFNAME = Pattern.compile("[^/:\\s]{1," + IFNAME_MAX_CHARS + "}");

    private ConfigParser() {
    }

    public static AgentConfig parse(Path file) throws ConfigException, IOException {
        if (Files.size(file) > MAX_CONFIG_BYTES) {
            throw new ConfigException(List.of(file + ": larger than " + MAX_CONFIG_BYTES + " bytes"));
        }
        return parse(Files.readAllBytes(file));
    }

    /**
     * Parses the bytes of a config file. They must be UTF-8: a decoder that replaced bad bytes would let a damaged
     * value (a device path, a name) through as a different, valid-looking one.
     */
    public static AgentConfig parse(byte[] content) throws ConfigException {
        ByteBuffer in = ByteBuffer.wrap(content);
        try {
            return parse(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in).toString());
        } catch (CharacterCodingException e) {
            throw new ConfigException(List.of("(root): not valid UTF-8 at byte " + in.position()));
        }
    }

    public static AgentConfig parse(String json) throws ConfigException {
        Object tree;
        try {
            tree = JsonReader.read(json);
        } catch (JsonSyntaxException e) {
            // The reason never quotes the input (it may be a password); a duplicate key's name is the exception.
            String where = " at line " + e.line() + ", column " + e.column();
            // A second document glued to the first is a broken edit, not something to ignore.
            throw new ConfigException(List.of(e.trailingContent() ? "(root): " + e.reason() + where
                    : "(root): invalid JSON" + where + ": " + e.reason()));
        }
        if (!(tree instanceof Map<?, ?> map)) {
            throw new ConfigException(List.of("(root): " + JsonFields.describe(tree) + " is not an object"));
        }
        List<String> errors = new ArrayList<>();
        @SuppressWarnings("unchecked")
        AgentConfig config = readAgent(new JsonFields((Map<String, Object>) map, "", errors));
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return config;
    }

    private static AgentConfig readAgent(JsonFields root) {
        boolean radioSilence = root.bool("radioSilence", false);
        boolean scanProviders = root.bool("scanProviders", false);
        List<ModemConfig> modems = root.array("modems", (path, value) -> readModem(path, value, root));
        JsonFields watchdogFields = root.object("watchdog");
        WatchdogConfig watchdog = watchdogFields == null ? null : readWatchdog(watchdogFields);
        root.rejectUnknownKeys();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < modems.size(); i++) {
            String name = modems.get(i).name();
            if (name != null && !names.add(name)) {
                root.error("modems[" + i + "].name", JsonFields.describe(name) + " is used by an earlier modem");
            }
        }
        return new AgentConfig(radioSilence, scanProviders, modems, watchdog);
    }

    private static ModemConfig readModem(String path, Object value, JsonFields parent) {
        JsonFields modem = asObject(path, value, parent);
        if (modem == null) {
            return null;
        }
        String name = modem.string("name", null);
        if (name == null) {
            modem.error("name", "is required");
        } else if (name.isBlank() || name.length() > NAME_MAX_CHARS || name.chars().anyMatch(Character::isISOControl)) {
            modem.error("name", JsonFields.describe(name) + " must be 1.." + NAME_MAX_CHARS + " printable characters");
        }
        ModemMatch match = readMatch(modem.object("match"));
        Protocol protocol = modem.enumValue("protocol", Protocol.class, Protocol.AUTO);
        String interfaceName = interfaceName(modem, "interface");
        int simSlot = (int) modem.integer("simSlot", 0, 0, SIM_SLOT_MAX);
        JsonFields ap = modem.object("accessPoint");
        AccessPoint accessPoint = ap == null ? AccessPoint.DEFAULT : readAccessPoint(ap, false);
        JsonFields attach = modem.object("attachAccessPoint");
        AccessPoint attachAccessPoint = attach == null ? null : readAccessPoint(attach, true);
        List<String> plmns = modem.array("preferredPlmns", (p, v) -> plmn(p, v, modem));
        reportDuplicates(modem, "preferredPlmns", plmns);
        List<Rat> rats = modem.array("preferredRats", (p, v) -> rat(p, v, modem));
        reportDuplicates(modem, "preferredRats", rats);
        boolean forbidRoaming = modem.bool("forbidRoaming", false);
        int mtu = mtu(modem, accessPoint);
        long routeMetric = modem.integer("routeMetric", ModemConfig.DEFAULT_ROUTE_METRIC, 0, ROUTE_METRIC_MAX);
        boolean locationTracking = modem.bool("locationTracking", false);
        JsonFields probeFields = modem.object("probe");
        ProbeConfig probe = probeFields == null ? ProbeConfig.DEFAULT : readProbe(probeFields);
        JsonFields recoveryFields = modem.object("recovery");
        RecoveryConfig recovery = recoveryFields == null ? RecoveryConfig.DEFAULT : readRecovery(recoveryFields);
        UnlockConfig unlock = readUnlock(modem);
        modem.rejectUnknownKeys();
        return new ModemConfig(name, match, protocol, interfaceName, simSlot, accessPoint, attachAccessPoint, plmns, rats,
                forbidRoaming, mtu, routeMetric, locationTracking, probe, recovery, unlock);
    }

    /** {@code fccUnlock} and {@code simPinFile}: fields of the modem entry itself, as users look for them there. */
    private static UnlockConfig readUnlock(JsonFields modem) {
        FccUnlock fccUnlock = modem.enumValue("fccUnlock", FccUnlock.class, FccUnlock.AUTO);
        String simPinFile = modem.string("simPinFile", null);
        if (simPinFile != null && !simPinFile.startsWith("/")) {
            modem.error("simPinFile", JsonFields.describe(simPinFile) + " is not an absolute path");
            simPinFile = null;
        }
        return new UnlockConfig(fccUnlock, simPinFile == null ? null : Path.of(simPinFile));
    }

    private static ModemMatch readMatch(JsonFields match) {
        if (match == null) {
            return ModemMatch.ANY;
        }
        String device = match.string("device", null);
        if (device != null && !device.startsWith("/")) {
            match.error("device", JsonFields.describe(device) + " is not an absolute path");
            device = null;
        }
        String usb = match.string("usb", null);
        if (usb != null) {
            var m = USB.matcher(usb);
            if (m.matches()) {
                usb = m.group(1) + "-" + m.group(2);
            } else {
                match.error("usb", JsonFields.describe(usb) + " is not a USB address like 1-1.4");
                usb = null;
            }
        }
        String pci = match.string("pci", null);
        if (pci != null) {
            if (PCI.matcher(pci).matches()) {
                pci = pci.toLowerCase(Locale.ROOT);
            } else {
                match.error("pci", JsonFields.describe(pci) + " is not a PCI address like 0000:01:00.0");
                pci = null;
            }
        }
        String interfaceName = interfaceName(match, "interface");
        String imei = match.string("imei", null);
        if (imei != null && !IMEI.matcher(imei).matches()) {
            match.error("imei", JsonFields.describe(imei) + " is not 15 digits");
            imei = null;
        }
        match.rejectUnknownKeys();
        return new ModemMatch(device, usb, pci, interfaceName, imei);
    }

    private static AccessPoint readAccessPoint(JsonFields ap, boolean attach) {
        String apn = ap.string("apn", attach ? null : AccessPoint.DEFAULT.apn());
        if (apn == null || (attach && apn.isEmpty())) {
            // An attach bearer without an APN would be sent as "no change"; say so rather than guess.
            ap.error("apn", "is required for the attach access point");
        } else if (apn.length() > APN_MAX_CHARS || apn.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            ap.error("apn", JsonFields.describe(apn) + " must be at most " + APN_MAX_CHARS + " printable ASCII characters");
        }
        IpType ipType = ap.enumValue("ipType", IpType.class, IpType.IPV4);
        Auth auth = ap.enumValue("auth", Auth.class, Auth.NONE);
        String username = ap.string("username", null);
        if (username != null && (username.length() > CREDENTIAL_MAX_CHARS
                || username.chars().anyMatch(Character::isISOControl))) {
            // Sent to the modem as a C string: a NUL would silently cut it, other control bytes garble it.
            ap.error("username", JsonFields.describe(username) + " must be at most " + CREDENTIAL_MAX_CHARS
                    + " characters, none of them control characters");
            username = null;
        }
        String passwordFile = ap.string("passwordFile", null);
        if (passwordFile != null && !passwordFile.startsWith("/")) {
            ap.error("passwordFile", JsonFields.describe(passwordFile) + " is not an absolute path");
            passwordFile = null;
        }
        String password = ap.string("password", null);
        if (password != null && (password.length() > CREDENTIAL_MAX_CHARS
                || password.chars().anyMatch(Character::isISOControl))) {
            // Never echoed: say what is wrong with it, not what it is.
            ap.error("password", "must be at most " + CREDENTIAL_MAX_CHARS
                    + " characters, none of them control characters");
            password = null;
        }
        if (password != null && passwordFile != null) {
            ap.error("password", "give either password or passwordFile, not both");
        }
        ap.rejectUnknownKeys();
        return new AccessPoint(apn, ipType, auth, username, passwordFile == null ? null : Path.of(passwordFile), password);
    }

    private static ProbeConfig readProbe(JsonFields probe) {
        ProbeMethod method = probe.enumValue("method", ProbeMethod.class, ProbeMethod.ICMP);
        String host = probe.string("host", null);
        if (host != null
                && (host.isBlank() || host.length() > HOST_MAX_CHARS || host.chars().anyMatch(c -> c <= ' '))) {
            probe.error("host", JsonFields.describe(host) + " is not a host name or address");
            host = null;
        }
        Long port = probe.optionalInteger("port", 1, 0xFFFF);
        if (method == ProbeMethod.TCP) {
            if (!probe.has("port")) {
                probe.error("port", "is required for the tcp probe");
            }
            if (!probe.has("host")) {
                probe.error("host", "is required for the tcp probe");
            }
        } else if (probe.has("port")) {
            probe.error("port", "is used only by the tcp probe, not by " + method.jsonName());
        }
        int interval = (int) probe.integer("intervalSeconds", ProbeConfig.DEFAULT_INTERVAL_SECONDS,
                PROBE_INTERVAL_MIN_SECONDS, PROBE_INTERVAL_MAX_SECONDS);
        probe.rejectUnknownKeys();
        return new ProbeConfig(method, host, port == null ? null : port.intValue(), interval);
    }

    private static RecoveryConfig readRecovery(JsonFields recovery) {
        int stallSeconds = (int) recovery.integer("stallSeconds", RecoveryConfig.DEFAULT_STALL_SECONDS,
                STALL_MIN_SECONDS, STALL_MAX_SECONDS);
        boolean rebindDriver = recovery.bool("rebindDriver", false);
        recovery.rejectUnknownKeys();
        return new RecoveryConfig(stallSeconds, rebindDriver);
    }

    private static WatchdogConfig readWatchdog(JsonFields watchdog) {
        String file = watchdog.string("file", null);
        if (file == null) {
            watchdog.error("file", "is required");
        } else if (!file.startsWith("/") || file.endsWith("/")) {
            watchdog.error("file", JsonFields.describe(file) + " is not an absolute file path");
            file = null;
        }
        int interval = (int) watchdog.integer("intervalSeconds", WatchdogConfig.DEFAULT_INTERVAL_SECONDS,
                WATCHDOG_INTERVAL_MIN_SECONDS, WATCHDOG_INTERVAL_MAX_SECONDS);
        watchdog.rejectUnknownKeys();
        return file == null ? null : new WatchdogConfig(Path.of(file), interval);
    }

    private static int mtu(JsonFields modem, AccessPoint accessPoint) {
        int mtu = (int) modem.integer("mtu", ModemConfig.MTU_FROM_NETWORK, 0, MTU_MAX);
        if (mtu != ModemConfig.MTU_FROM_NETWORK && mtu < MTU_MIN) {
            modem.error("mtu", mtu + " is neither 0 (the network's) nor in " + MTU_MIN + ".." + MTU_MAX);
            return ModemConfig.MTU_FROM_NETWORK;
        }
        if (mtu != ModemConfig.MTU_FROM_NETWORK && mtu < IPV6_MIN_MTU && accessPoint.ipType() != IpType.IPV4) {
            modem.error("mtu", mtu + " is below " + IPV6_MIN_MTU + ", the minimum for IPv6 (ipType "
                    + accessPoint.ipType().jsonName() + ")");
        }
        return mtu;
    }

    private static String interfaceName(JsonFields fields, String key) {
        String name = fields.string(key, null);
        if (name != null && (!IFNAME.matcher(name).matches() || name.equals(".") || name.equals(".."))) {
            fields.error(key, JsonFields.describe(name) + " is not a network interface name (1.." + IFNAME_MAX_CHARS
                    + " characters, no '/', ':' or space)");
            return null;
        }
        return name;
    }

    private static String plmn(String path, Object value, JsonFields owner) {
        if (value instanceof String s && PLMN.matcher(s).matches()) {
            return s;
        }
        owner.error(relative(owner, path), JsonFields.describe(value) + " is not an MCCMNC of 5 or 6 digits");
        return null;
    }

    private static Rat rat(String path, Object value, JsonFields owner) {
        Rat rat = value instanceof String s ? JsonFields.parseEnum(Rat.class, s) : null;
        if (rat == null) {
            owner.error(relative(owner, path), JsonFields.describe(value) + " is not one of "
                    + JsonFields.choices(Rat.class));
        }
        return rat;
    }

    private static <T> void reportDuplicates(JsonFields owner, String key, List<T> values) {
        Set<T> seen = new HashSet<>();
        for (T value : values) {
            if (!seen.add(value)) {
                owner.error(key, JsonFields.describe(value instanceof JsonName n ? n.jsonName() : value)
                        + " is listed twice");
            }
        }
    }

    private static JsonFields asObject(String path, Object value, JsonFields parent) {
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            return new JsonFields(typed, path, parent.errors());
        }
        parent.errors().add(path + ": " + JsonFields.describe(value) + " is not an object");
        return null;
    }

    private static String relative(JsonFields owner, String absolutePath) {
        return absolutePath.substring(owner.path().isEmpty() ? 0 : owner.path().length() + 1);
    }

}
