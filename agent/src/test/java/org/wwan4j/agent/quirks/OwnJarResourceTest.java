package org.wwan4j.agent.quirks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnJarResourceTest {

    private static final String ENTRY = "org/example/table.json";
    private static final byte[] CONTENT = "{\"rows\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void readsTheEntryFromAJar(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("owner.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry(ENTRY));
            out.write(CONTENT);
            out.closeEntry();
        }
        assertArrayEquals(CONTENT, OwnJarResource.read(jar, ENTRY));
        assertNull(OwnJarResource.read(jar, "org/example/missing.json"));
    }

    @Test
    void readsTheEntryFromAClassesDirectory(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(ENTRY);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(CONTENT);
        }
        assertArrayEquals(CONTENT, OwnJarResource.read(dir, ENTRY));
        assertNull(OwnJarResource.read(dir, "org/example/missing.json"));
    }

    @Test
    void findsTheBundledQuirksBesideTheirClass() throws Exception {
        assertNotNull(OwnJarResource.read(VendorQuirks.class, VendorQuirks.RESOURCE));
        assertNull(OwnJarResource.read(VendorQuirks.class, "no-such-table.json"));
    }
}
