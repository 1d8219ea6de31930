package org.wwan4j.emulator.model;

/** Radio access technologies, protocol-neutral. */
public enum EmulatedRat { GSM, UMTS, LTE, NR5G }
