package org.wwan4j.glib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;

class FilePagesTest {

    private static final int FILE_BYTES = 4 << 20;
    private static final int PAGE = 4096;

    @Test
    void onlyFilesOnDiskAreAdvised() {
        FilePages.Mapping library = FilePages.Mapping.parse(
                "7f9373400000-7f9373d56000 r-xp 00200000 fe:00 328747    /opt/jdk-25/lib/server/libjvm.so");
        assertEquals(0x7f9373400000L, library.start());
        assertEquals(0x7f9373d56000L - 0x7f9373400000L, library.length());
        assertEquals("/opt/jdk-25/lib/server/libjvm.so", library.path());
        assertTrue(FilePages.Mapping.parse("800000000-800f00000 rw-p 00001000 fe:00 4242   /var/lib/agent.jsa") != null);

        assertNull(FilePages.Mapping.parse("fe000000-100000000 rw-p 00000000 00:00 0"), "anonymous memory");
        assertNull(FilePages.Mapping.parse("55abdbd3e000-55abdbf1e000 rw-p 00000000 00:00 0   [heap]"));
        assertNull(FilePages.Mapping.parse("7f10a4000000-7f10a4001000 rw-s 00000000 00:01 4242   /memfd:jit (deleted)"));
        assertNull(FilePages.Mapping.parse("7f10a4000000-7f10a4001000 r--s 00000000 00:05 11   /tmp/shared.db"),
                "a shared mapping may hold another process's writes");
        assertNull(FilePages.Mapping.parse("7f10a4000000-7f10a4001000 rw-p 00000000 00:05 11   /dev/zero"));
    }

    /**
     * A privately mapped file read end to end is resident; after {@link FilePages#pageOut()} the kernel has dropped
     * its pages (a clean file on disk, mapped by no other process), and reading it again still gives the content.
     */
    @Test
    void residentPagesOfAFileOnlyThisProcessMapsAreHandedBack() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "file-pages-test"));
        Path file = dir.resolve("pages.bin");
        byte[] content = new byte[FILE_BYTES];
        for (int i = 0; i < content.length; i += PAGE) {
            content[i] = (byte) (i / PAGE);
        }
        Files.write(file, content);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.force(true); // clean pages: reclaim never has to write them back
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.PRIVATE, 0, FILE_BYTES);
            long sum = touch(mapped);
            long before = residentKb(file);
            assertTrue(before >= FILE_BYTES / 1024 / 2, "the file was read, so it is resident: " + before + " kB");

            assertTrue(FilePages.pageOut() >= FILE_BYTES, "the mapping was advised");

            long after = residentKb(file);
            assertTrue(after <= before / 4, "resident before " + before + " kB, after " + after + " kB");
            assertEquals(sum, touch(mapped), "the content comes back on the next touch");
        }
    }

    /**
     * A file whose pages are all cached but mostly unmapped (what start-up's read-ahead leaves): after
     * {@link FilePages#pageOut()}, touching a page never touched before brings back that page alone. Without
     * dropping the cache, the kernel maps the cached neighbours with it (fault-around: 16 pages; with large folios
     * in the page cache, up to a whole folio: 2 MB on this project's test machines).
     */
    @Test
    void aPageTouchedAfterTheTrimComesBackWithoutItsCachedNeighbours() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "file-pages-test"));
        Path file = dir.resolve("cached.bin");
        Files.write(file, new byte[FILE_BYTES]); // every page in the page cache
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.force(true);
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.PRIVATE, 0, FILE_BYTES);
            mapped.get(0);

            FilePages.pageOut();
            mapped.get(FILE_BYTES - PAGE); // cached since the write, never mapped

            long resident = residentKb(file);
            assertTrue(resident <= 2 * PAGE / 1024, "one page touched, " + resident + " kB resident");
        }
    }

    private static long touch(MappedByteBuffer mapped) {
        long sum = 0;
        for (int i = 0; i < FILE_BYTES; i += PAGE) {
            sum += mapped.get(i);
        }
        return sum;
    }

    /** The Rss of this process's mapping of {@code file}, from /proc/self/smaps. */
    private static long residentKb(Path file) throws IOException {
        String name = file.toAbsolutePath().toString();
        boolean inMapping = false;
        long rss = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
            if (Character.isDigit(line.charAt(0)) || (line.charAt(0) >= 'a' && line.charAt(0) <= 'f')) {
                inMapping = line.endsWith(name);
            } else if (inMapping && line.startsWith("Rss:")) {
                rss += Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
            }
        }
        return rss;
    }
}
