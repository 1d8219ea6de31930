package org.wwan4j.emulator.model;

/** How a visible network relates to the SIM. */
public enum EmulatedProviderStatus { CURRENT, AVAILABLE, FORBIDDEN }
