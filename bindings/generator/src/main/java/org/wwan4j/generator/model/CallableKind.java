package org.wwan4j.generator.model;

/** Where a callable sits in the GIR: a free function, a method on a type, or a constructor. */
public enum CallableKind { FUNCTION, METHOD, CONSTRUCTOR }
