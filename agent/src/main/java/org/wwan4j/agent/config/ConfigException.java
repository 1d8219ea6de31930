package org.wwan4j.agent.config;

import java.util.List;

/**
 * A config file that cannot be used. Carries every problem found, each naming the JSON path and the bad value
 * (secrets redacted), so one round of editing can fix them all.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<String> errors;

    public ConfigException(List<String> errors) {
        super(String.join("\n", errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
