package org.wwan4j.agent.config;

import java.io.IOException;
import java.io.InputStream;
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
        return read(file, "password file");
    }

    /**
     * {@link #read(Path)} for any secret kept in a file (a SIM PIN file too): the same size bound and mode warning,
     * worded with {@code what}.
     */
    public static String read(Path file, String what) throws IOException {
        if (isReadableByOthers(file)) {
            LOG.warn("{} {} is readable by group or others; chmod 600 it", what, file);
        }
        long size = Files.size(file);
        if (size > MAX_PASSWORD_FILE_BYTES) {
            throw new IOException(what + " " + file + " is " + size + " bytes; at most "
                    + MAX_PASSWORD_FILE_BYTES + " expected");
        }
        return withoutTrailingLineBreaks(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * A password piped in (e.g. {@code --password-file -}): read up to end of input, at most
     * {@link #MAX_PASSWORD_FILE_BYTES}, without its trailing line break(s).
     */
    public static String read(InputStream in, String source) throws IOException {
        byte[] content = in.readNBytes(MAX_PASSWORD_FILE_BYTES + 1);
        if (content.length > MAX_PASSWORD_FILE_BYTES) {
            throw new IOException(source + " gave more than " + MAX_PASSWORD_FILE_BYTES + " bytes; a password expected");
        }
        return withoutTrailingLineBreaks(new String(content, StandardCharsets.UTF_8));
    }

    /**
     * Warns when a config file holding an inline password may be read by group or others. Names the file, never its
     * content. A config without inline passwords carries no secret, so its mode is the admin's business.
     *
     * @return whether it warned
     */
    public static boolean warnIfConfigExposesPasswords(Path configFile, AgentConfig config) throws IOException {
        boolean inline = config.modems().stream().anyMatch(m -> hasInlinePassword(m.accessPoint())
                || hasInlinePassword(m.attachAccessPoint()));
        if (inline && isReadableByOthers(configFile)) {
            LOG.warn("config file {} holds a password and is readable by group or others; chmod 600 it, or move the "
                    + "password to a passwordFile", configFile);
            return true;
        }
        return false;
    }

    private static boolean hasInlinePassword(AccessPoint accessPoint) {
        return accessPoint != null && accessPoint.password() != null;
    }

    private static String withoutTrailingLineBreaks(String content) {
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
