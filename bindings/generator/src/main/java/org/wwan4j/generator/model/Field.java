package org.wwan4j.generator.model;

/**
 * One field of a record, union or class structure.
 *
 * @param name           the C field name
 * @param type           its type, or null when the field is an inline callback or an anonymous union/struct
 * @param bits           bit-field width, or 0 for an ordinary field
 * @param isPrivate      whether the GIR marks it private
 * @param readable       whether bindings may read it
 * @param writable       whether bindings may write it
 * @param inlineCallback the callback type for a function-pointer field declared inline, or null
 * @param anonymous      true for an anonymous inline union or struct (its layout is not modelled)
 */
public record Field(String name, TypeRef type, int bits, boolean isPrivate, boolean readable, boolean writable,
                    CallbackType inlineCallback, boolean anonymous) {

    public boolean isBitField() {
        return bits > 0;
    }
}
