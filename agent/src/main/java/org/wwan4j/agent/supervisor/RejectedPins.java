package org.wwan4j.agent.supervisor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.json.JsonReader;
import org.wwan4j.agent.json.JsonSyntaxException;
import org.wwan4j.agent.json.JsonWriter;
import org.wwan4j.glib.DurableFile;

/**
 * The PINs a SIM rejected, so that the agent never tries one twice: three wrong tries PUK-block a card, and a PIN
 * that was wrong once stays wrong until someone edits the PIN file or puts another SIM in. Kept as salted SHA-256
 * hashes of (ICCID, PIN), never the PIN.
 *
 * <p>With a state dir the hashes and their salt live in {@value #FILE_NAME} there, written through
 * {@link DurableFile} on each rejection and read at start, so an agent restart (a crash loop, an upgrade) does not
 * spend another of the card's tries on the same wrong PIN. The file is owner-only: a PIN has at most 10^8 values,
 * so no hash hides one from a reader who also has the salt; what it holds is only PINs the SIM refused. A file that
 * cannot be read or written costs the memory across restarts, never the unlock: it is warned about and the agent
 * goes on with what it has in memory.
 *
 * <p>Shared by every supervisor of one agent (one card can move between modems): thread-safe.
 */
public final class RejectedPins {

    /** The file in the agent's state dir. */
    public static final String FILE_NAME = "rejected-sim-pins.json";

    /**
     * Bounds the file: a card is PUK-blocked after three wrong PINs, so even many SIMs and PIN-file edits stay far
     * below this; the oldest rejection goes first.
     */
    static final int MAX_REMEMBERED = 64;

    private static final Logger LOG = LoggerFactory.getLogger(RejectedPins.class);
    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern HEX_SALT = Pattern.compile("[0-9a-f]{32}");

    private final Path file;
    private final byte[] salt;
    private final SequencedSet<String> rejected = new LinkedHashSet<>();

    private RejectedPins(Path file, byte[] salt, List<String> remembered) {
        this.file = file;
        this.salt = salt;
        rejected.addAll(remembered);
    }

    /** Remembered by this process only (no state dir): a restart forgets. */
    public static RejectedPins inMemory() {
        return new RejectedPins(null, newSalt(), List.of());
    }

    /** Remembered in {@value #FILE_NAME} under {@code stateDir}, loaded now. */
    public static RejectedPins persistedIn(Path stateDir) {
        Path file = stateDir.resolve(FILE_NAME);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return parse(file, text);
        } catch (NoSuchFileException absent) {
            return new RejectedPins(file, newSalt(), List.of());
        } catch (IOException | IllegalArgumentException e) {
            // Starting empty can cost one more try per SIM; refusing to start would cost the modem.
            LOG.warn("cannot read the rejected SIM PINs {} ({}); starting without them", file, e.getMessage());
            return new RejectedPins(file, newSalt(), List.of());
        }
    }

    private static RejectedPins parse(Path file, String text) {
        Object root;
        try {
            root = JsonReader.read(text);
        } catch (JsonSyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("salt") instanceof String salt)
                || !HEX_SALT.matcher(salt).matches() || !(top.get("rejected") instanceof List<?> list)) {
            throw new IllegalArgumentException("expected {\"salt\": HEX, \"rejected\": [HEX...]}");
        }
        List<String> hashes = new ArrayList<>();
        for (Object hash : list) {
            if (!(hash instanceof String h) || !HEX_256.matcher(h).matches()) {
                throw new IllegalArgumentException("a rejected entry is not a SHA-256 hash");
            }
            hashes.add(h);
        }
        return new RejectedPins(file, HexFormat.of().parseHex(salt), hashes);
    }

    /** Remembers that this SIM rejected this PIN (and, with a state dir, writes it down before returning). */
    public synchronized void reject(String iccid, String pin) {
        if (!rejected.add(fingerprint(iccid, pin))) {
            return;
        }
        while (rejected.size() > MAX_REMEMBERED) {
            rejected.removeFirst();
        }
        if (file == null) {
            return;
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("salt", HexFormat.of().formatHex(salt));
        content.put("rejected", List.copyOf(rejected));
        try {
            DurableFile.write(file, JsonWriter.write(content, true) + "\n", DurableFile.OWNER_ONLY);
        } catch (IOException e) {
            LOG.warn("cannot remember the rejected SIM PIN across restarts: {}", e.getMessage());
        }
    }

    /** Whether this SIM already rejected this PIN. */
    public synchronized boolean wasRejected(String iccid, String pin) {
        return rejected.contains(fingerprint(iccid, pin));
    }

    private static byte[] newSalt() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return salt;
    }

    private String fingerprint(String iccid, String pin) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(String.valueOf(iccid).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(pin.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
