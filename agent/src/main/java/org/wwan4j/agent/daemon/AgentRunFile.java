package org.wwan4j.agent.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.wwan4j.agent.json.JsonReader;
import org.wwan4j.agent.json.JsonSyntaxException;
import org.wwan4j.agent.json.JsonWriter;
import org.wwan4j.glib.DurableFile;

/**
 * The record a running daemon leaves in its state dir, {@value #FILE_NAME}: which process it is and where it writes
 * status. It is how {@code wwan4j status} and {@code wwan4j list} find the agent without a socket and without
 * touching the modems it holds: the state dir is the one path the agent and the one-shot commands already share.
 *
 * <p>The daemon writes it when it starts and deletes it when it stops; after a kill -9 it stays behind, so a
 * reader asks {@link #isRunning()}: the process must exist and have started when the recorded one did (a pid alone
 * may have been reused by an unrelated process since).
 *
 * @param pid          the daemon's process id
 * @param processStart when that process started, as the kernel tells it; null when unknown
 * @param statusFile   the status file the daemon writes, null when it writes none
 * @param metricsPort  the loopback port of its metrics endpoint, null when it serves none
 */
public record AgentRunFile(long pid, Instant processStart, Path statusFile, Integer metricsPort) {

    public static final String FILE_NAME = "agent-run.json";

    /** The record for this process. */
    public static AgentRunFile ofThisProcess(Path statusFile, Integer metricsPort) {
        ProcessHandle self = ProcessHandle.current();
        return new AgentRunFile(self.pid(), self.info().startInstant().orElse(null),
                statusFile == null ? null : statusFile.toAbsolutePath(), metricsPort);
    }

    public static Path fileIn(Path stateDir) {
        return stateDir.resolve(FILE_NAME);
    }

    /** Whether the recorded process is alive and is the one that wrote this record. */
    public boolean isRunning() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        Optional<Instant> started = process.get().info().startInstant();
        return processStart == null || started.isEmpty() || started.get().equals(processStart);
    }

    /** Writes the record into {@code stateDir} (world-readable: it holds no secret, and status readers need it). */
    public void writeTo(Path stateDir) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("pid", pid);
        fields.put("processStart", processStart == null ? null : processStart.toString());
        fields.put("statusFile", statusFile == null ? null : statusFile.toString());
        fields.put("metricsPort", metricsPort);
        DurableFile.write(fileIn(stateDir), JsonWriter.write(fields, true) + "\n", DurableFile.WORLD_READABLE);
    }

    /** Removes the record if it is this one's (a newer daemon's record is left alone). */
    public void deleteFrom(Path stateDir) throws IOException {
        Optional<AgentRunFile> current = readFrom(stateDir);
        if (current.isPresent() && current.get().pid() == pid) {
            DurableFile.delete(fileIn(stateDir));
        }
    }

    /**
     * The record in {@code stateDir}; empty when there is none.
     *
     * @throws IOException when it cannot be read or is not a record this class wrote (the message names the file)
     */
    public static Optional<AgentRunFile> readFrom(Path stateDir) throws IOException {
        Path file = fileIn(stateDir);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            if (!(JsonReader.read(text) instanceof Map<?, ?> fields) || !(fields.get("pid") instanceof Number pid)) {
                throw new IOException(file + " is not an agent run record");
            }
            return Optional.of(new AgentRunFile(pid.longValue(),
                    fields.get("processStart") instanceof String s ? Instant.parse(s) : null,
                    fields.get("statusFile") instanceof String s ? Path.of(s) : null,
                    fields.get("metricsPort") instanceof Number n ? n.intValue() : null));
        } catch (JsonSyntaxException | DateTimeParseException e) {
            throw new IOException(file + " is not an agent run record: " + e.getMessage(), e);
        }
    }
}
