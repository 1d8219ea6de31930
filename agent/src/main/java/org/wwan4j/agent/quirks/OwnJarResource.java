package org.wwan4j.agent.quirks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a resource that ships beside a class from that class's own jar (or classes directory), without a search
 * of the class path. The class loader's search opens every jar that comes before the owner's on the class path (the
 * order of a {@code lib/*} wildcard is the directory's), and each jar it opens stays open with its central directory
 * on the heap for the life of the process: about 1 MB for the runtime's jars, 650 kB of it the QMI bindings' 5,000
 * entries. Read here, only the owner's jar is opened, and closed again.
 */
final class OwnJarResource {

    private OwnJarResource() {
    }

    /** The resource's bytes, or null if it is missing. */
    static byte[] read(Class<?> owner, String name) throws IOException {
        String entry = owner.getPackageName().replace('.', '/') + "/" + name;
        Path location = location(owner);
        if (location == null) {
            // Not loaded from a jar or directory of the file system: the class loader knows where to look.
            try (InputStream in = owner.getResourceAsStream(name)) {
                return in == null ? null : in.readAllBytes();
            }
        }
        return read(location, entry);
    }

    /** The entry's bytes from a jar or a classes directory, or null if it is missing. */
    static byte[] read(Path location, String entry) throws IOException {
        if (Files.isDirectory(location)) {
            Path file = location.resolve(entry);
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        }
        try (ZipFile jar = new ZipFile(location.toFile())) {
            ZipEntry found = jar.getEntry(entry);
            if (found == null) {
                return null;
            }
            try (InputStream in = jar.getInputStream(found)) {
                return in.readAllBytes();
            }
        }
    }

    private static Path location(Class<?> owner) {
        CodeSource source = owner.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        if (url == null || !"file".equals(url.getProtocol())) {
            return null;
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
