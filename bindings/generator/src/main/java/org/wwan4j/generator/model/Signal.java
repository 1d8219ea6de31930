package org.wwan4j.generator.model;

import java.util.List;

/**
 * A GObject signal. The C handler receives the instance first, then {@code parameters}, then user data.
 *
 * @param name        the signal name ({@code event-report})
 * @param when        when the class handler runs ({@code first}, {@code last}, {@code cleanup}) or null
 * @param returnValue what a handler returns
 * @param parameters  the signal parameters (without the instance and user data)
 * @param doc         documentation text, or empty
 */
public record Signal(String name, String when, ReturnValue returnValue, List<Parameter> parameters, String doc) {

    public Signal {
        parameters = List.copyOf(parameters);
    }
}
