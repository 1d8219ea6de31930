package org.wwan4j.emulator;

/** The control protocol an emulated port speaks. */
public enum EmulatedProtocol { QMI, MBIM }
