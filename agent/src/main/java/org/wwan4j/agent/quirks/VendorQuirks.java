package org.wwan4j.agent.quirks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.wwan4j.agent.config.FccUnlock;
import org.wwan4j.agent.json.JsonReader;
import org.wwan4j.agent.json.JsonSyntaxException;
import org.wwan4j.agent.status.DataFormat;

/**
 * The vendor table: every per-model difference the agent knows, keyed by USB/PCI vendor:product id, read from one
 * data file ({@code vendor-quirks.json} beside this class). The core asks this class what a modem needs and never
 * tests a vendor itself, as ModemManager keeps its vendor handling in plugins and dispatcher scripts.
 */
public final class VendorQuirks {

    static final String RESOURCE = "vendor-quirks.json";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{4}:[0-9a-f]{4}");

    private final Map<String, ModemQuirks> byId;

    private VendorQuirks(Map<String, ModemQuirks> byId) {
        this.byId = Map.copyOf(byId);
    }

    /** The table shipped with the agent (parsed once). */
    public static VendorQuirks bundled() {
        return Bundled.TABLE;
    }

    private static final class Bundled {
        static final VendorQuirks TABLE = load();

        private static VendorQuirks load() {
            try {
                byte[] table = OwnJarResource.read(VendorQuirks.class, RESOURCE);
                if (table == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the agent's resources");
                }
                return parse(new String(table, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The row for a vendor:product id ("1199:9079", any case), or {@link ModemQuirks#UNKNOWN}. */
    public ModemQuirks lookup(String id) {
        if (id == null) {
            return ModemQuirks.UNKNOWN;
        }
        return byId.getOrDefault(id.toLowerCase(Locale.ROOT), ModemQuirks.UNKNOWN);
    }

    /** Every row, in id order: for the docs test and for people. */
    public List<ModemQuirks> all() {
        return byId.values().stream().sorted(java.util.Comparator.comparing(ModemQuirks::id)).toList();
    }

    /**
     * Parses a table; a malformed row is an error naming it, since a table that silently drops a row would leave a
     * modem offline with no hint why.
     */
    public static VendorQuirks parse(String json) {
        Object root;
        try {
            root = JsonReader.read(json);
        } catch (JsonSyntaxException e) {
            throw new IllegalArgumentException("vendor table: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("modems") instanceof List<?> rows)) {
            throw new IllegalArgumentException("vendor table: expected {\"modems\": [...]}");
        }
        Map<String, ModemQuirks> byId = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ModemQuirks row = row(i, rows.get(i));
            if (byId.put(row.id(), row) != null) {
                throw new IllegalArgumentException("vendor table: modems[" + i + "]: " + row.id() + " is listed twice");
            }
        }
        return new VendorQuirks(byId);
    }

    private static ModemQuirks row(int index, Object value) {
        String where = "vendor table: modems[" + index + "]";
        if (!(value instanceof Map<?, ?> row)) {
            throw new IllegalArgumentException(where + ": expected an object");
        }
        String id = text(row, "id", where);
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(where + ": id " + id + " is not vendor:product in lower-case hex");
        }
        String method = text(row, "fccUnlock", where);
        FccUnlock fccUnlock = null;
        if (method != null) {
            fccUnlock = java.util.Arrays.stream(FccUnlock.values())
                    .filter(m -> m.isMethod() && m.jsonName().equals(method)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(where + ": unknown fccUnlock " + method));
        }
        String format = text(row, "dataFormat", where);
        DataFormat dataFormat = null;
        if (format != null) {
            dataFormat = java.util.Arrays.stream(DataFormat.values()).filter(f -> f.jsonName().equals(format))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(where + ": unknown dataFormat " + format));
        }
        List<String> bugs = new ArrayList<>();
        if (row.get("firmwareBugs") instanceof List<?> list) {
            list.forEach(bug -> bugs.add(Objects.toString(bug)));
        }
        return new ModemQuirks(id, text(row, "name", where), fccUnlock, dataFormat, bugs);
    }

    private static String text(Map<?, ?> row, String key, String where) {
        Object value = row.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException(where + ": " + key + " must be a string");
    }
}
