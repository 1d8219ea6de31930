package org.wwan4j.generator.model;

/**
 * The return value of a callable, signal or callback.
 *
 * @param type     its type ({@code none}/{@code void} for no value)
 * @param transfer ownership transfer to the caller
 * @param nullable whether NULL may be returned
 * @param skip     whether bindings should hide it (typically a gboolean that duplicates the GError)
 */
public record ReturnValue(TypeRef type, Transfer transfer, boolean nullable, boolean skip) {
}
