package org.wwan4j.agent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads bearer passwords. Kept apart from the parser so that parsing stays pure and a password is read only when a
 * connect needs it (a rotated password file is then picked up without a config change).
 */
public final class PasswordFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordFiles.class);

    /** A password file larger than this is a mistake (wrong path?); refuse rather than read it all. */
    public static final int MAX_PASSWORD_FILE_BYTES = 4096;

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    private PasswordFiles() {
    }

    /** The access point's password: inline, else from its file, else empty. */
    public static Optional<String> password(AccessPoint accessPoint) throws IOException {
        if (accessPoint.password() != null) {
            return Optional.of(accessPoint.password());
        }
        return accessPoint.passwordFile() == null ? Optional.empty() : Optional.of(read(accessPoint.passwordFile()));
    }

    /**
     * The file's content without its trailing line break(s) (editors and {@code echo} add one; a password never ends
     * with one). Warns, but still reads, when group or others may read the file: refusing would take a device
     * offline over a permission bit.
     */
    public static String read(Path file) throws IOException {
        if (isReadableByOthers(file)) {
            LOG.warn("password file {} is readable by group or others; chmod 600 it", file);
        }
        long size = Files.size(file);
        if (size > MAX_PASSWORD_FILE_BYTES) {
            throw new IOException("password file " + file + " is " + size + " bytes; at most "
                    + MAX_PASSWORD_FILE_BYTES + " expected");
        }
        String content = Files.readString(file, StandardCharsets.UTF_8);
        int end = content.length();
        while (end > 0 && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
            end--;
        }
        return content.substring(0, end);
    }

    /** False where POSIX permissions do not exist: nothing to warn about there. */
    public static boolean isReadableByOthers(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.stream().anyMatch(GROUP_OR_OTHERS::contains);
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
