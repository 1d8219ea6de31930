package org.wwan4j.emulator.model;

/** How a visible network relates to the SIM. */
public enum ProviderStatus { CURRENT, AVAILABLE, FORBIDDEN }
