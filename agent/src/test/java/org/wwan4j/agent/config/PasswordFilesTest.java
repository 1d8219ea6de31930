package org.wwan4j.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordFilesTest {

    @TempDir
    Path dir;

    @Test
    void theTrailingNewlineIsTrimmedButOtherWhitespaceKept() throws IOException {
        Path file = write("  pass word \n", "rw-------");
        assertEquals("  pass word ", PasswordFiles.read(file));
        assertEquals("x", PasswordFiles.read(write("x\r\n", "rw-------")));
    }

    @Test
    void aFileReadableByOthersIsFlaggedButStillRead() throws IOException {
        Path open = write("secret\n", "rw-r--r--");
        assertTrue(PasswordFiles.isReadableByOthers(open));
        assertEquals("secret", PasswordFiles.read(open));
        assertFalse(PasswordFiles.isReadableByOthers(write("secret", "rw-------")));
    }

    @Test
    void anInlinePasswordWinsAndNoPasswordIsEmpty() throws IOException {
        Path file = write("from-file", "rw-------");
        assertEquals(Optional.of("inline"), PasswordFiles.password(
                new AccessPoint("a", IpType.IPV4, Auth.PAP, "u", null, "inline")));
        assertEquals(Optional.of("from-file"), PasswordFiles.password(
                new AccessPoint("a", IpType.IPV4, Auth.PAP, "u", file, null)));
        assertEquals(Optional.empty(), PasswordFiles.password(AccessPoint.DEFAULT));
    }

    @Test
    void aHugeFileIsRefused() throws IOException {
        Path file = write("x".repeat(PasswordFiles.MAX_PASSWORD_FILE_BYTES + 1), "rw-------");
        IOException e = assertThrows(IOException.class, () -> PasswordFiles.read(file));
        assertFalse(e.getMessage().contains("xxxx"));
    }

    @Test
    void aPipedPasswordLosesItsLineBreakAndAFloodIsRefused() throws IOException {
        assertEquals("piped pw", PasswordFiles.read(new ByteArrayInputStream("piped pw\n".getBytes()), "stdin"));
        byte[] flood = "y".repeat(PasswordFiles.MAX_PASSWORD_FILE_BYTES + 1).getBytes();
        IOException e = assertThrows(IOException.class,
                () -> PasswordFiles.read(new ByteArrayInputStream(flood), "standard input"));
        assertTrue(e.getMessage().startsWith("standard input"), e.getMessage());
        assertFalse(e.getMessage().contains("yyyy"));
    }

    @Test
    void onlyAConfigHoldingAnInlinePasswordIsWarnedAboutForItsMode() throws Exception {
        AgentConfig inline = ConfigParser.parse("{\"modems\": [{\"name\": \"m\", \"attachAccessPoint\":"
                + " {\"apn\": \"a\", \"auth\": \"pap\", \"password\": \"p\"}}]}");
        AgentConfig viaFile = ConfigParser.parse("{\"modems\": [{\"name\": \"m\", \"accessPoint\":"
                + " {\"apn\": \"a\", \"auth\": \"pap\", \"passwordFile\": \"/etc/pw\"}}]}");
        Path groupReadable = write("{}", "rw-r-----");
        assertTrue(PasswordFiles.warnIfConfigExposesPasswords(groupReadable, inline));
        assertFalse(PasswordFiles.warnIfConfigExposesPasswords(write("{}", "rw-------"), inline));
        assertFalse(PasswordFiles.warnIfConfigExposesPasswords(groupReadable, viaFile), "no secret in it");
    }

    private Path write(String content, String permissions) throws IOException {
        Path file = Files.createTempFile(dir, "pw", "");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
