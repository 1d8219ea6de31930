package org.wwan4j.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentRunFileTest {

    @TempDir
    Path state;

    @Test
    void aRecordReadsBackAsWritten() throws Exception {
        AgentRunFile run = AgentRunFile.ofThisProcess(state.resolve("status.json"), 9300);
        run.writeTo(state);
        assertEquals(Optional.of(run), AgentRunFile.readFrom(state));
        assertTrue(run.isRunning(), "this process runs");
    }

    @Test
    void aReusedPidIsNotTheAgent() {
        AgentRunFile self = AgentRunFile.ofThisProcess(null, null);
        AgentRunFile earlier = new AgentRunFile(self.pid(), Instant.EPOCH, null, null);
        assertFalse(earlier.isRunning(), "same pid, another process start: the agent that wrote it is gone");
    }

    @Test
    void deletingLeavesAnotherAgentsRecord() throws Exception {
        new AgentRunFile(Long.MAX_VALUE, null, null, null).writeTo(state);
        AgentRunFile.ofThisProcess(null, null).deleteFrom(state);
        assertTrue(Files.exists(AgentRunFile.fileIn(state)));
    }

    @Test
    void aFileThatIsNoRecordIsAnErrorNamingIt() throws Exception {
        assertEquals(Optional.empty(), AgentRunFile.readFrom(state));
        Files.writeString(AgentRunFile.fileIn(state), "{\"modems\": []}");
        IOException e = assertThrows(IOException.class, () -> AgentRunFile.readFrom(state));
        assertTrue(e.getMessage().contains(AgentRunFile.fileIn(state).toString()), e::getMessage);
    }
}
