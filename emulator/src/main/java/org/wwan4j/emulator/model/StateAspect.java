package org.wwan4j.emulator.model;

/** Which part of the modem state changed; engines map each to the indications their protocol sends. */
public enum StateAspect { POWER, SIMS, REGISTRATION, SIGNAL, PROVIDERS, BEARER, COUNTERS, LOCATION, PREFERENCES, PROFILES, ATTACH, REBOOT }
