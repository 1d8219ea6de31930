package org.wwan4j.emulator.model;

/** Why the network refused a bearer; engines map each to their protocol's error. */
public enum ConnectFailure { RADIO_OFF, NO_SIM, NOT_REGISTERED, ALREADY_CONNECTED, UNKNOWN_APN, AUTH_FAILED, DATA_STALLED }
