package org.wwan4j.generator.types;

import org.wwan4j.generator.model.RecordType;

/**
 * What a GIR type becomes at the C ABI: a scalar, a struct by value, a fixed-size array (in struct fields
 * only), or something the ffi layer cannot express (with the reason, for error messages).
 */
public sealed interface Lowered {

    record Scalar(CType type) implements Lowered { }

    record StructByValue(RecordType record, String namespace) implements Lowered { }

    record FixedArray(Lowered element, int count) implements Lowered { }

    record Unsupported(String reason) implements Lowered { }
}
