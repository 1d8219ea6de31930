package org.wwan4j.agent.status;

/**
 * One SIM slot, empty slots included.
 *
 * @param slot   1-based slot number
 * @param active the slot the modem uses now
 */
public record Sim(int slot, boolean active, SimState state, String iccid, String imsi, SimType type) {
}
