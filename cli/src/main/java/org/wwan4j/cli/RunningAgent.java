package org.wwan4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.wwan4j.agent.daemon.AgentRunFile;
import org.wwan4j.agent.json.JsonReader;
import org.wwan4j.agent.json.JsonSyntaxException;

/**
 * The agent as {@code status} and {@code list} see it: through the run record it leaves in its state dir and the
 * status file that record names, never through the modems (the agent holds them). Every way of not finding it is
 * a {@link CliFailure} whose message names the file that was looked at and what to do.
 *
 * @param run        the run record, null when the status file was named on the command line
 * @param statusFile the status file read
 * @param statusText its content, one whole JSON document (the agent replaces it atomically)
 * @param status     the same, parsed
 */
record RunningAgent(AgentRunFile run, Path statusFile, String statusText, Map<String, Object> status) {

    /** The agent whose run record is in {@code stateDir}, with its latest status. */
    static RunningAgent fromStateDir(Path stateDir) {
        Path record = AgentRunFile.fileIn(stateDir);
        AgentRunFile run;
        try {
            run = AgentRunFile.readFrom(stateDir).orElseThrow(() -> new CliFailure(Wwan4jCli.EXIT_DEVICE,
                    "no agent runs with state dir " + stateDir + " (no " + record + "; see --state-dir)"));
        } catch (IOException e) {
            throw new CliFailure(Wwan4jCli.EXIT_DEVICE, "cannot read " + record + ": " + e.getMessage());
        }
        if (!run.isRunning()) {
            throw new CliFailure(Wwan4jCli.EXIT_DEVICE, "no agent runs: process " + run.pid() + " named in "
                    + record + " has exited" + (run.statusFile() == null ? "" : "; its last status is in "
                    + run.statusFile()));
        }
        if (run.statusFile() == null) {
            throw new CliFailure(Wwan4jCli.EXIT_DEVICE, "the agent (process " + run.pid()
                    + ") writes no status file: start it with --status FILE");
        }
        return read(run, run.statusFile());
    }

    /** The status file named on the command line, without asking whether its agent still runs. */
    static RunningAgent fromStatusFile(Path statusFile) {
        return read(null, statusFile);
    }

    private static RunningAgent read(AgentRunFile run, Path file) {
        String who = run == null ? "" : "the agent (process " + run.pid() + ") ";
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliFailure(Wwan4jCli.EXIT_DEVICE, "no status file " + file
                    + (run == null ? " (is the agent running with --status " + file + "?)" : ": " + who
                    + "has not written it yet"));
        } catch (IOException e) {
            throw new CliFailure(Wwan4jCli.EXIT_DEVICE, "cannot read the status file " + file + ": " + e);
        }
        try {
            if (JsonReader.read(text) instanceof Map<?, ?> map && map.get("modems") instanceof List<?>) {
                @SuppressWarnings("unchecked")
                Map<String, Object> status = (Map<String, Object>) map;
                return new RunningAgent(run, file, text, status);
            }
        } catch (JsonSyntaxException e) {
            // reported below, as for any other document that is not a status
        }
        throw new CliFailure(Wwan4jCli.EXIT_DEVICE, file + " is not an agent status file");
    }

    /** The modems of the status, each a JSON object. */
    List<Map<String, Object>> modems() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> modems = (List<Map<String, Object>>) status.get("modems");
        return modems;
    }
}
