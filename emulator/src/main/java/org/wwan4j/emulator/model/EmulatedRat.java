package org.wwan4j.emulator.model;

/** Radio access technologies, protocol-neutral. */
public enum Rat { GSM, UMTS, LTE, NR5G }
