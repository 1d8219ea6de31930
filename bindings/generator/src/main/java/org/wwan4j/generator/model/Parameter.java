package org.wwan4j.generator.model;

/**
 * One parameter of a callable, signal or callback.
 *
 * @param name            the C parameter name
 * @param type            its type
 * @param direction       in, out or inout (out and inout parameters are pointers in C)
 * @param transfer        ownership transfer
 * @param nullable        whether NULL is accepted ({@code nullable} or {@code allow-none})
 * @param optional        whether an out parameter may be NULL ({@code optional})
 * @param callerAllocates whether the caller provides the memory of an out parameter
 * @param instance        whether this is the instance ({@code self}) parameter of a method
 * @param scope           callback scope ({@code call}, {@code async}, {@code notified}) or null
 * @param closure         index of the user-data parameter belonging to this callback, or -1
 * @param destroy         index of the destroy-notify parameter belonging to this callback, or -1
 */
public record Parameter(String name, TypeRef type, Direction direction, Transfer transfer, boolean nullable,
                        boolean optional, boolean callerAllocates, boolean instance, String scope, int closure,
                        int destroy) {
}
