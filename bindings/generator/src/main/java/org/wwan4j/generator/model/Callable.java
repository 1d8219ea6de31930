package org.wwan4j.generator.model;

import java.util.List;

/**
 * A C function as the GIR describes it.
 *
 * @param kind           function, method or constructor
 * @param name           the GIR name ({@code allocate_client})
 * @param cIdentifier    the exported C symbol ({@code qmi_device_allocate_client})
 * @param owner          the GIR name of the type it belongs to, or null for a namespace-level function
 * @param returnValue    its return value
 * @param parameters     all parameters in C order, including the instance parameter; never the trailing GError**
 * @param throwsError    whether C has a trailing {@code GError **error} parameter
 * @param introspectable false when the GIR marks it {@code introspectable="0"}
 * @param doc            its documentation text, or empty
 * @param sourceFile     the C header that declares it (the GIR's {@code source-position}), or null when unknown
 */
public record Callable(CallableKind kind, String name, String cIdentifier, String owner, ReturnValue returnValue,
                       List<Parameter> parameters, boolean throwsError, boolean introspectable, String doc,
                       String sourceFile) {

    public Callable {
        parameters = List.copyOf(parameters);
    }

    public boolean isVariadic() {
        return parameters.stream().anyMatch(p -> p.type().kind() == TypeRef.Kind.VARARGS);
    }

    /** True when one parameter is a {@code GAsyncReadyCallback}, i.e. this starts an async operation. */
    public boolean takesAsyncReadyCallback() {
        return parameters.stream().anyMatch(p -> "GAsyncReadyCallback".equals(p.type().cType())
                || "Gio.AsyncReadyCallback".equals(p.type().girName())
                || ("AsyncReadyCallback".equals(p.type().girName()) && "GAsyncReadyCallback".equals(p.type().cType())));
    }
}
