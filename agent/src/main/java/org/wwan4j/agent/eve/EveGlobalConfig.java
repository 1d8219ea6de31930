package org.wwan4j.agent.eve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.json.JsonReader;
import org.wwan4j.agent.json.JsonSyntaxException;
import org.wwan4j.agent.supervisor.SupervisorSettings;

/**
 * The settings mmagent takes from EVE's global config (zedagent's {@code ConfigItemValueMap}, the JSON of Go's
 * {@code types.ConfigItemValueMap}: {@code {"GlobalSettings": {"<key>": {"Key", "ItemType", "IntValue",
 * "BoolValue", ...}}}}): whether to scan for visible providers ({@code wwan.query.visible.providers}, hourly when
 * on) and the GNSS fix interval, half the shorter of {@code timer.location.app.interval} and
 * {@code timer.location.cloud.interval} (mmagent publishes locations twice as often as zedagent forwards them). A
 * key that is missing, or not of the item type EVE gives it, keeps EVE's default, as EVE's own getters do; without
 * a readable file the agent keeps its own settings (which equal EVE's defaults).
 *
 * @param scanProviders    run the hourly visible-provider scan
 * @param locationInterval GNSS fix interval
 */
public record EveGlobalConfig(boolean scanProviders, Duration locationInterval) {

    private static final Logger LOG = LoggerFactory.getLogger(EveGlobalConfig.class);

    static final String QUERY_VISIBLE_PROVIDERS = "wwan.query.visible.providers";
    static final String LOCATION_APP_INTERVAL = "timer.location.app.interval";
    static final String LOCATION_CLOUD_INTERVAL = "timer.location.cloud.interval";
    /** EVE's defaults (pkg/pillar/types/global.go): 20 s to applications, 1 h to the controller. */
    static final long DEFAULT_APP_INTERVAL_SECONDS = 20;
    static final long DEFAULT_CLOUD_INTERVAL_SECONDS = 3600;
    /** Go's ConfigItemType: 1 int, 2 bool. */
    private static final int ITEM_TYPE_INT = 1;
    private static final int ITEM_TYPE_BOOL = 2;

    /** What mmagent runs with under EVE's default global config; the agent's own defaults agree. */
    public static final EveGlobalConfig DEFAULTS = new EveGlobalConfig(false,
            locationInterval(DEFAULT_APP_INTERVAL_SECONDS, DEFAULT_CLOUD_INTERVAL_SECONDS));

    /** The settings in {@code file}; empty when it is missing or cannot be read (logged). */
    public static Optional<EveGlobalConfig> read(Path file) {
        try {
            return of(file, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return of(file, null);
        } catch (IOException e) {
            LOG.warn("EVE global config {} cannot be read, keeping the agent's defaults: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /**
     * The settings in {@code content}, the bytes of {@code file} (null: missing or unreadable); empty when there
     * are none to use (logged).
     */
    static Optional<EveGlobalConfig> of(Path file, byte[] content) {
        if (content == null) {
            LOG.info("no EVE global config at {}: the agent's defaults (provider scan off)", file);
            return Optional.empty();
        }
        try {
            EveGlobalConfig config = parse(new String(content, StandardCharsets.UTF_8));
            LOG.info("EVE global config {}: provider scan {}, location every {} ms", file,
                    config.scanProviders ? "on" : "off", config.locationInterval.toMillis());
            return Optional.of(config);
        } catch (JsonSyntaxException | IllegalArgumentException e) {
            LOG.warn("EVE global config {} is not a ConfigItemValueMap, keeping the agent's defaults: {}", file,
                    e.getMessage());
            return Optional.empty();
        }
    }

    static EveGlobalConfig parse(String json) throws JsonSyntaxException {
        if (!(JsonReader.read(json) instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Map<?, ?> settings = root.get("GlobalSettings") instanceof Map<?, ?> m ? m : Map.of();
        boolean scan = bool(settings, QUERY_VISIBLE_PROVIDERS, false);
        long app = integer(settings, LOCATION_APP_INTERVAL, DEFAULT_APP_INTERVAL_SECONDS);
        long cloud = integer(settings, LOCATION_CLOUD_INTERVAL, DEFAULT_CLOUD_INTERVAL_SECONDS);
        return new EveGlobalConfig(scan, locationInterval(app, cloud));
    }

    /** mmagent's rule: half the shorter interval; zero (which EVE's bounds never allow) keeps the default. */
    static Duration locationInterval(long appSeconds, long cloudSeconds) {
        Duration shorter = Duration.ofSeconds(Math.min(appSeconds, cloudSeconds));
        return shorter.isZero() ? SupervisorSettings.DEFAULT_LOCATION_INTERVAL : shorter.dividedBy(2);
    }

    /** These settings applied to the supervisors' periods. */
    SupervisorSettings applyTo(SupervisorSettings settings) {
        return new SupervisorSettings(settings.safetyTick(), settings.countersPeriod(), settings.scanPeriod(),
                locationInterval, settings.stuckAfterTimeouts(), settings.recovery());
    }

    private static boolean bool(Map<?, ?> settings, String key, boolean fallback) {
        Map<?, ?> item = item(settings, key, ITEM_TYPE_BOOL);
        return item != null && item.get("BoolValue") instanceof Boolean b ? b : fallback;
    }

    private static long integer(Map<?, ?> settings, String key, long fallback) {
        Map<?, ?> item = item(settings, key, ITEM_TYPE_INT);
        return item != null && item.get("IntValue") instanceof Number n && n.longValue() >= 0 ? n.longValue()
                : fallback;
    }

    private static Map<?, ?> item(Map<?, ?> settings, String key, int itemType) {
        return settings.get(key) instanceof Map<?, ?> item && item.get("ItemType") instanceof Number type
                && type.intValue() == itemType ? item : null;
    }
}
