package org.wwan4j.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.wwan4j.agent.config.JsonName;

/** Parses an option into a config enum by its config-file spelling, naming the option and the choices on error. */
final class JsonNames {

    private JsonNames() {
    }

    static <E extends Enum<E> & JsonName> E parse(Class<E> type, String option, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.jsonName().equals(value)) {
                return constant;
            }
        }
        throw CliFailure.usage(option + " '" + value + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(JsonName::jsonName).collect(Collectors.joining(", ")));
    }
}
