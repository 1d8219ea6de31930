package org.wwan4j.emulator.model;

/** Bearer authentication protocol. */
public enum Auth { NONE, PAP, CHAP, PAP_OR_CHAP }
