package org.wwan4j.agent.eve;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.wwan4j.agent.config.AgentConfig;
import org.wwan4j.agent.config.ConfigException;
import org.wwan4j.agent.config.ConfigWatcher;
import org.wwan4j.agent.config.ModemConfig;
import org.wwan4j.agent.json.JsonReader;
import org.wwan4j.agent.json.JsonSyntaxException;

/**
 * Reads NIM's {@code WwanConfig} (the file {@code nim/WwanConfig/global.json} under EVE's run directory) into the
 * agent's config. A file that cannot be used is rejected whole, so the last good config keeps running; the last
 * accepted one stays available for the status side ({@link #current()}), which echoes its DPC key and timestamps.
 */
final class WwanConfigReader implements ConfigWatcher.CompanionParser {

    private final AtomicReference<EveWwanConfig> current = new AtomicReference<>(EveWwanConfig.NONE);
    private final Path globalConfig;
    /** The global config's bytes last read, to log its settings only when they change (watcher thread only). */
    private byte[] lastGlobal;
    private boolean globalSeen;
    private boolean scanProviders;

    /**
     * @param globalConfig EVE's global config (zedagent's ConfigItemValueMap), read with each WwanConfig for
     *                     {@code wwan.query.visible.providers}, which WwanConfig does not carry
     */
    WwanConfigReader(Path globalConfig) {
        this.globalConfig = globalConfig;
    }

    /** The last accepted WwanConfig, or {@link EveWwanConfig#NONE}. */
    EveWwanConfig current() {
        return current.get();
    }

    /**
     * Called by the watcher whenever NIM's WwanConfig or EVE's global config changed; the switch of the latter
     * applies to the former as it is now. A global config that cannot be used switches the scan off (EVE's
     * default) and leaves the WwanConfig accepted.
     */
    @Override
    public AgentConfig parse(byte[] content, byte[] global) throws ConfigException {
        if (!globalSeen || !Arrays.equals(global, lastGlobal)) {
            globalSeen = true;
            scanProviders = EveGlobalConfig.of(globalConfig, global).map(EveGlobalConfig::scanProviders)
                    .orElse(false);
            lastGlobal = global;
        }
        EveWwanConfig config = read(new String(content, StandardCharsets.UTF_8), scanProviders);
        current.set(config);
        return config.agentConfig();
    }

    static EveWwanConfig read(String json) throws ConfigException {
        return read(json, false);
    }

    static EveWwanConfig read(String json, boolean scanProviders) throws ConfigException {
        Object root;
        try {
            root = JsonReader.read(json);
        } catch (JsonSyntaxException e) {
            throw new ConfigException(List.of("WwanConfig: " + e.getMessage()));
        }
        if (!(root instanceof Map)) {
            throw new ConfigException(List.of("WwanConfig: not a JSON object"));
        }
        List<String> errors = new ArrayList<>();
        @SuppressWarnings("unchecked")
        GoFields top = new GoFields((Map<String, Object>) root, "", errors);
        String dpcKey = top.string("DPCKey");
        String dpcTimestamp = top.time("DPCTimestamp");
        String rsTimestamp = top.time("RSConfigTimestamp");
        boolean radioSilence = top.bool("RadioSilence");
        List<ModemConfig> modems = new ArrayList<>();
        List<EveNetwork> networks = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (GoFields n : top.objects("Networks")) {
            WwanNetworkConverter.Converted c = WwanNetworkConverter.convert(DeprecatedCellConfig.apply(n));
            if (!c.network().logicalLabel().isEmpty() && !labels.add(c.network().logicalLabel())) {
                n.error("LogicalLabel", "\"" + c.network().logicalLabel() + "\" is used twice");
            }
            modems.add(c.config());
            networks.add(c.network());
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        // The provider scan is EVE's global setting wwan.query.visible.providers, not part of WwanConfig.
        AgentConfig agentConfig = new AgentConfig(radioSilence, scanProviders, modems);
        return new EveWwanConfig(dpcKey, dpcTimestamp, rsTimestamp, networks, agentConfig);
    }
}
