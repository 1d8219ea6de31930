package org.wwan4j.emulator.model;

/** EmulatedBearer authentication protocol. */
public enum EmulatedAuth { NONE, PAP, CHAP, PAP_OR_CHAP }
