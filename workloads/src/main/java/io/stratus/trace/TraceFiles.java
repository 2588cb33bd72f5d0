package io.stratus.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens trace files as text: UTF-8 (malformed bytes are an error, not silently replaced), and
 * gzip-decompressed on the fly when the file name ends in {@code .gz}, so a compressed trace is
 * read as a stream and never unpacked to disk or memory.
 */
public final class TraceFiles {

    private static final int BUFFER = 1 << 16;

    private TraceFiles() {
    }

    /** Whether {@code file} is read through gzip (its name ends in {@code .gz}). */
    public static boolean isGzip(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().endsWith(".gz");
    }

    /**
     * The file's text. The reader is unbuffered at the character level: the cursors that read
     * it keep their own buffer.
     */
    public static Reader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            InputStream bytes = isGzip(file) ? new GZIPInputStream(in, BUFFER) : in;
            return new NamingReader(file, new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)));
        } catch (IOException e) {
            in.close();
            throw NamingReader.named(file, e);
        }
    }

    /** The file name without directories and without a {@code .gz} suffix. */
    public static String nameWithoutGz(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? file.toString() : fileName.toString();
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    /** The file name without directories, and without {@code .gz} and one more extension. */
    public static String baseName(Path file) {
        String name = nameWithoutGz(file);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
