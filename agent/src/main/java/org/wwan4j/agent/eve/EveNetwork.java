package org.wwan4j.agent.eve;

/**
 * What status needs to know of one configured network besides the agent's own config entry.
 *
 * @param logicalLabel     the network's label, also the agent's config name
 * @param physAddrs        as configured; reported for a modem that is not found, as mmagent does
 * @param configError      a problem of the entry that the agent cannot see (credentials it cannot decrypt), or null
 * @param locationTracking GNSS wanted from this modem
 * @param encryptedCredentials the AccessPoint's encrypted credentials, null when they are not encrypted
 */
record EveNetwork(String logicalLabel, EvePhysAddrs physAddrs, String configError, boolean locationTracking,
        EncryptedCredentials encryptedCredentials) {
}
