package org.wwan4j.emulator.model;

/** Operating mode of the modem as a whole. */
public enum PowerState { ONLINE, LOW_POWER, OFFLINE }
