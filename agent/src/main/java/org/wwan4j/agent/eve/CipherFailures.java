package org.wwan4j.agent.eve;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What mmagent publishes about the encrypted credentials it was given: one {@code CipherBlockStatus} per block it
 * tried to decrypt (the block as received, with the failure in its error fields) and its {@code CipherMetrics}
 * (Go's {@code types.CipherMetrics}: failure and success counts, and a counter per {@code CipherError}). We never
 * decrypt, so every attempt is a failure; it is counted as mmagent counts a failed decryption
 * ({@code DecryptFailed}), once per block each time a network's encrypted credentials are new or changed, as
 * mmagent decrypts again only when a network's AccessPoint changed.
 */
final class CipherFailures {

    static final String AGENT_NAME = "wwan";
    /** Go's CipherError: 0 Invalid, 1 NotReady, 2 DecryptFailed ... 7 NoData; 8 values (MaxCipherError). */
    static final int DECRYPT_FAILED = 2;
    static final int CIPHER_ERRORS = 8;
    /** Go's ErrorSeverityError: what SetErrorNow gives a failure. */
    static final int SEVERITY_ERROR = 3;

    private final Map<String, EncryptedCredentials> tried = new HashMap<>();
    private final long[] typeCounters = new long[CIPHER_ERRORS];
    private long failures;
    private String lastFailure = GoFields.ZERO_TIME;

    /**
     * Records the failures of the networks whose encrypted credentials are new or changed.
     *
     * @return the {@code CipherBlockStatus} items to publish now, by block id; empty when nothing was tried
     */
    Map<String, Map<String, Object>> configApplied(List<EveNetwork> networks, String error, Instant now) {
        Map<String, Map<String, Object>> blocks = new LinkedHashMap<>();
        Map<String, EncryptedCredentials> current = new HashMap<>();
        for (EveNetwork network : networks) {
            EncryptedCredentials block = network.encryptedCredentials();
            if (block == null) {
                continue;
            }
            current.put(network.logicalLabel(), block);
            if (!Objects.equals(tried.get(network.logicalLabel()), block)) {
                String time = GoTime.format(now);
                failures++;
                typeCounters[DECRYPT_FAILED]++;
                lastFailure = time;
                blocks.put(block.cipherBlockId(), blockStatus(block, error, time));
            }
        }
        tried.clear();
        tried.putAll(current);
        return blocks;
    }

    /** Go's CipherBlockStatus with its embedded ErrorAndTime flattened, in the struct's field order. */
    static Map<String, Object> blockStatus(EncryptedCredentials block, String error, String errorTime) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("CipherBlockID", block.cipherBlockId());
        m.put("CipherContextID", block.cipherContextId());
        m.put("InitialValue", block.initialValue());
        m.put(EncryptedCredentials.CIPHER_DATA, block.cipherData());
        m.put("ClearTextHash", block.clearTextHash());
        m.put("IsCipher", true);
        m.put("CipherContext", block.cipherContext());
        m.put("Error", error);
        m.put("ErrorTime", errorTime);
        m.put("ErrorSeverity", SEVERITY_ERROR);
        m.put("ErrorRetryCondition", block.errorRetryCondition());
        m.put("ErrorEntities", block.errorEntities());
        return m;
    }

    /** Go's CipherMetrics for this agent, in the struct's field order. */
    Map<String, Object> metrics() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("AgentName", AGENT_NAME);
        m.put("FailureCount", failures);
        m.put("SuccessCount", 0L);
        m.put("LastFailure", lastFailure);
        m.put("LastSuccess", GoFields.ZERO_TIME);
        m.put("TypeCounters", Arrays.stream(typeCounters).boxed().toList());
        return m;
    }
}
