package org.wwan4j.glib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The child JVM {@link DurableFileKillTest} kills: rewrites one file through {@link DurableFile} forever, each
 * version self-checking, and says {@value #WRITTEN} on stdout once its first version is on disk.
 *
 * <p>A version is {@code generation=N}, a filler that alternates between 64 KiB (odd generations) and nothing, then
 * {@code length=} and {@code crc32=} of everything above them: a file holding half of one version, or a mix of
 * two, fails {@link #generationOf}.
 */
final class DurableFileRewriter {

    static final String WRITTEN = "WRITTEN";

    private static final String LENGTH = "length=";
    private static final String CRC = "crc32=";

    private DurableFileRewriter() {
    }

    /** Arguments: the file. Continues from the generation the file holds. */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        long generation = Files.exists(target) ? generationOf(Files.readAllBytes(target)) : 0;
        boolean announced = false;
        while (true) {
            generation++;
            DurableFile.write(target, version(generation), DurableFile.OWNER_ONLY);
            if (!announced) {
                System.out.println(WRITTEN);
                System.out.flush();
                announced = true;
            }
        }
    }

    static byte[] version(long generation) {
        StringBuilder body = new StringBuilder("generation=").append(generation).append('\n');
        if (generation % 2 == 1) {
            for (int line = 0; line < 2048; line++) {
                body.append(String.format("filler %08d of generation %012d\n", line, generation));
            }
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.US_ASCII);
        String trailer = LENGTH + bytes.length + "\n" + CRC + crc(bytes) + "\n";
        return (body + trailer).getBytes(StandardCharsets.US_ASCII);
    }

    /** The generation of a whole version; a torn, mixed or empty file throws {@link IllegalArgumentException}. */
    static long generationOf(byte[] content) {
        String text = new String(content, StandardCharsets.US_ASCII);
        int trailer = text.lastIndexOf(LENGTH);
        if (!text.startsWith("generation=") || trailer < 0) {
            throw new IllegalArgumentException("not a whole version (" + content.length + " bytes)");
        }
        String body = text.substring(0, trailer);
        String expectedTrailer = LENGTH + body.length() + "\n" + CRC
                + crc(body.getBytes(StandardCharsets.US_ASCII)) + "\n";
        if (!text.substring(trailer).equals(expectedTrailer)) {
            throw new IllegalArgumentException("length or checksum do not match the body (" + content.length
                    + " bytes, trailer " + text.substring(trailer).strip().replace('\n', ' ') + ")");
        }
        return Long.parseLong(body.substring("generation=".length(), body.indexOf('\n')));
    }

    private static String crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }
}
