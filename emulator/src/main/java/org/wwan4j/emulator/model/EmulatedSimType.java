package org.wwan4j.emulator.model;

/** What kind of card a slot holds. */
public enum EmulatedSimType { PHYSICAL, ESIM }
