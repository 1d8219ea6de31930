package org.wwan4j.bench.agent;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads the agent's status file (DESIGN.md, CLI contract) to decide when the agent has produced its first complete
 * status: every configured modem present with its identity (IMEI) and power state known.
 */
public final class StatusFile {

    private StatusFile() {}

    /** True when the JSON text lists at least {@code modems} modems, each with an IMEI and a known power state. */
    @SuppressWarnings("unchecked")
    public static boolean complete(String json, int modems) {
        Map<String, Object> root;
        try {
            root = JSON.std.mapFrom(json);
        } catch (IOException partialOrInvalid) {
            return false;
        }
        Object list = root.get("modems");
        if (!(list instanceof List<?> entries) || entries.size() < modems) {
            return false;
        }
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> modem)) {
                return false;
            }
            Object identity = modem.get("identity");
            Object imei = identity instanceof Map<?, ?> fields ? ((Map<String, Object>) fields).get("imei") : null;
            Object power = modem.get("power");
            if (!(imei instanceof String text) || text.isEmpty() || power == null || "unknown".equals(power)) {
                return false;
            }
        }
        return true;
    }

    public static boolean complete(Path file, int modems) {
        try {
            return Files.exists(file) && complete(Files.readString(file), modems);
        } catch (IOException beingReplaced) {
            return false;
        }
    }
}
