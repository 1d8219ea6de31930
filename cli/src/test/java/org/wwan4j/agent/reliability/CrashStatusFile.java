package org.wwan4j.agent.reliability;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the crash suite reads from the agent's status file: it must always be one whole JSON document (the agent
 * replaces it atomically, so a kill -9 mid-write leaves the old one), with the configured modem in it.
 *
 * @param exists    false before the agent ever wrote one
 * @param updated   when the agent that wrote it made this snapshot (null when absent)
 * @param modemName the first modem's name, or null when none is listed yet
 * @param connected whether the first modem's bearer is reported connected
 * @param apn       the APN it is connected on, or null
 * @param events    the first modem's recent event messages
 */
record CrashStatusFile(boolean exists, Instant updated, String modemName, boolean connected, String apn, List<String> events) {

    /** Whether the agent started at {@code start} wrote it (the file outlives the agent that wrote it). */
    boolean writtenSince(Instant start) {
        return updated != null && !updated.isBefore(start);
    }

    static final CrashStatusFile ABSENT = new CrashStatusFile(false, null, null, false, null, List.of());

    /** Reads and parses the file; a file that is not one whole JSON document fails the test, naming it. */
    static CrashStatusFile read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return ABSENT;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        Map<String, Object> root;
        try {
            root = JSON.std.mapFrom(text);
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("status file " + file + " is not valid JSON (" + bytes.length + " bytes): "
                    + e.getMessage() + "\n" + text);
        }
        if (!text.endsWith("}\n") || root == null || !root.containsKey("updated") || !root.containsKey("modems")) {
            throw new AssertionError("status file " + file + " is not a whole status document:\n" + text);
        }
        Instant updated = Instant.parse((String) root.get("updated"));
        List<?> modems = (List<?>) root.get("modems");
        if (modems.isEmpty()) {
            return new CrashStatusFile(true, updated, null, false, null, List.of());
        }
        Map<?, ?> modem = (Map<?, ?>) modems.getFirst();
        Map<?, ?> bearer = (Map<?, ?>) modem.get("bearer");
        boolean connected = bearer != null && Boolean.TRUE.equals(bearer.get("connected"));
        List<String> events = ((List<?>) modem.get("events")).stream()
                .map(e -> String.valueOf(((Map<?, ?>) e).get("message"))).toList();
        return new CrashStatusFile(true, updated, (String) modem.get("name"), connected,
                bearer == null ? null : (String) bearer.get("apn"), events);
    }
}
