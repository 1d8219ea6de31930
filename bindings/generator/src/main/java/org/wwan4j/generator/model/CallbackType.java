package org.wwan4j.generator.model;

import java.util.List;

/**
 * A GIR callback: a C function-pointer typedef.
 *
 * @param name           the GIR name
 * @param cType          the C typedef name ({@code GAsyncReadyCallback}); null for inline field callbacks
 * @param returnValue    what the function returns
 * @param parameters     its parameters, without the trailing GError**
 * @param throwsError    whether it takes a trailing {@code GError **}
 * @param introspectable false when the GIR marks it {@code introspectable="0"}
 * @param doc            documentation text, or empty
 */
public record CallbackType(String name, String cType, ReturnValue returnValue, List<Parameter> parameters,
                           boolean throwsError, boolean introspectable, String doc) {

    public CallbackType {
        parameters = List.copyOf(parameters);
    }
}
