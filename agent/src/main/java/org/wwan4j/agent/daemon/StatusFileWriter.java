package org.wwan4j.agent.daemon;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.StatusJson;

/** Writes every status snapshot to the status file, atomically (readers never see half a file). */
public final class StatusFileWriter implements AgentListener {

    private static final Logger LOG = LoggerFactory.getLogger(StatusFileWriter.class);

    private final Path file;
    private String lastError;

    public StatusFileWriter(Path file) {
        this.file = file;
    }

    @Override
    public void statusChanged(AgentStatus status) {
        try {
            StatusJson.writeStatusFile(file, status);
            lastError = null;
        } catch (IOException e) {
            // Once per distinct problem: a full disk would otherwise log on every change.
            if (!e.toString().equals(lastError)) {
                lastError = e.toString();
                LOG.warn("cannot write status file {}: {}", file, e.toString());
            }
        }
    }
}
