package org.wwan4j.cli.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.wwan4j.agent.json.JsonReader;

class JsonLinesLoggerTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final JsonLinesLoggerFactory factory = new JsonLinesLoggerFactory(
            new JsonLinesLogger.Threshold(Level.INFO.toInt()), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    @Test
    void eachRecordIsOneJsonObjectOnOneLine() throws Exception {
        Logger log = factory.getLogger("org.wwan4j.agent.daemon.AgentDaemon");
        log.info("modem {} on {}", "m1", "/dev/cdc-wdm0");
        log.warn("line one\nline \"two\"");

        List<Map<String, Object>> records = records();
        assertEquals(2, records.size());
        Map<String, Object> first = records.getFirst();
        assertEquals(List.of("time", "level", "logger", "thread", "message"), List.copyOf(first.keySet()));
        Instant.parse((String) first.get("time"));
        assertEquals("info", first.get("level"));
        assertEquals("org.wwan4j.agent.daemon.AgentDaemon", first.get("logger"));
        assertEquals(Thread.currentThread().getName(), first.get("thread"));
        assertEquals("modem m1 on /dev/cdc-wdm0", first.get("message"));
        assertEquals("warn", records.get(1).get("level"));
        assertEquals("line one\nline \"two\"", records.get(1).get("message"), "escaped, still one line");
    }

    @Test
    void aThrowableAddsErrorAndStackAfterTheFormattedMessage() throws Exception {
        factory.getLogger("x").error("cannot open {}", "/dev/cdc-wdm0", new IOException("gone"));
        Map<String, Object> record = records().getFirst();
        assertEquals("cannot open /dev/cdc-wdm0", record.get("message"));
        assertEquals("java.io.IOException: gone", record.get("error"));
        assertTrue(((String) record.get("stack")).contains("JsonLinesLoggerTest"), record::toString);
    }

    @Test
    void levelsBelowTheThresholdAreNotWritten() throws Exception {
        Logger log = factory.getLogger("x");
        assertFalse(log.isDebugEnabled());
        log.debug("hidden {}", "value");
        log.trace("hidden");
        assertEquals(0, bytes.size());
        Logger off = new JsonLinesLoggerFactory(new JsonLinesLogger.Threshold(JsonLinesLogger.Threshold.OFF),
                new PrintStream(bytes, true, StandardCharsets.UTF_8)).getLogger("y");
        off.error("hidden");
        assertEquals(0, bytes.size());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> records() throws Exception {
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n"), text);
        return text.lines().map(line -> {
            try {
                return (Map<String, Object>) JsonReader.read(line);
            } catch (Exception e) {
                throw new AssertionError("not one JSON object: " + line, e);
            }
        }).toList();
    }
}
