package org.wwan4j.agent.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The agent's whole config file: global switches and one entry per managed modem. Immutable; a new file gives a
 * new instance, so a supervisor can compare the old and the new entry of its modem to decide what to redo.
 *
 * @param radioSilence  every radio off, managed or not
 * @param scanProviders run the (slow) visible-provider scan
 * @param modems        the managed modems; names are unique
 * @param watchdog      the watchdog touch file, or null for none
 */
public record AgentConfig(boolean radioSilence, boolean scanProviders, List<ModemConfig> modems,
        WatchdogConfig watchdog) {

    /** No modems, radios allowed: what the agent runs with before its first valid file. */
    public static final AgentConfig EMPTY = new AgentConfig(false, false, List.of());

    public AgentConfig {
        modems = List.copyOf(modems);
    }

    /** A config without a watchdog file. */
    public AgentConfig(boolean radioSilence, boolean scanProviders, List<ModemConfig> modems) {
        this(radioSilence, scanProviders, modems, null);
    }

    public Optional<ModemConfig> modem(String name) {
        Objects.requireNonNull(name, "name");
        return modems.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
