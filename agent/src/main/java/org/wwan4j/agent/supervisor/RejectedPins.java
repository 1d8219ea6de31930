package org.wwan4j.agent.supervisor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The PINs a SIM rejected, so that the agent never tries one twice: three wrong tries PUK-block a card, and a PIN
 * that was wrong once stays wrong until someone edits the PIN file or puts another SIM in. Kept as salted hashes
 * of (ICCID, PIN), never the PIN; the salt is per process, so nothing here can be matched outside it.
 *
 * <p>Owned by the supervisor's thread.
 */
final class RejectedPins {

    private final byte[] salt = new byte[16];
    private final Set<String> rejected = new HashSet<>();

    RejectedPins() {
        new SecureRandom().nextBytes(salt);
    }

    void reject(String iccid, String pin) {
        rejected.add(fingerprint(iccid, pin));
    }

    /** Whether this SIM already rejected this PIN. */
    boolean wasRejected(String iccid, String pin) {
        return rejected.contains(fingerprint(iccid, pin));
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
