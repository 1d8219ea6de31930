package org.wwan4j.agent.eve;

/**
 * A network's {@code EncryptedCredentials} as NIM sent it (Go's {@code types.CipherBlockStatus}, the controller's
 * cipher block), kept to be echoed in our {@code CipherBlockStatus} with the decryption failure. The byte fields
 * ({@code []byte}, base64 in JSON) and the cipher context are kept as read: we never look inside them.
 *
 * @param cipherBlockId       the block's id, the key it is published under
 * @param cipherContextId     the controller's cipher context it was encrypted in
 * @param initialValue        base64 or null
 * @param cipherData          base64 or null (Go's JSON name {@code pubsub-large-CipherData})
 * @param clearTextHash       base64 or null
 * @param cipherContext       the context object or null
 * @param errorRetryCondition carried over from the block, as Go's copy of the struct does
 * @param errorEntities       carried over from the block, null when it has none
 */
record EncryptedCredentials(String cipherBlockId, String cipherContextId, Object initialValue, Object cipherData,
        Object clearTextHash, Object cipherContext, String errorRetryCondition, Object errorEntities) {

    static final String CIPHER_DATA = "pubsub-large-CipherData";

    /** The block of an AccessPoint, or null when it is not encrypted ({@code IsCipher} false). */
    static EncryptedCredentials of(GoFields block) {
        if (!block.bool("IsCipher")) {
            return null;
        }
        return new EncryptedCredentials(block.string("CipherBlockID"), block.string("CipherContextID"),
                block.raw("InitialValue"), block.raw(CIPHER_DATA), block.raw("ClearTextHash"),
                block.raw("CipherContext"), block.string("ErrorRetryCondition"), block.raw("ErrorEntities"));
    }
}
