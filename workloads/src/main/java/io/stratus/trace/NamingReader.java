package io.stratus.trace;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.zip.ZipException;

/**
 * A trace file's reader whose I/O errors name the file: a damaged {@code .gz} ("Not in GZIP
 * format", "invalid stored block lengths", an unexpected end) or bytes that are not UTF-8 would
 * otherwise reach the user without saying which trace they are about. A
 * {@link TraceFormatException} already names its file and passes through unchanged.
 */
final class NamingReader extends FilterReader {

    private final Path file;

    NamingReader(Path file, Reader in) {
        super(in);
        this.file = file;
    }

    /** The error with the file named, and what it means when it is a known kind. */
    static IOException named(Path file, IOException e) {
        if (e instanceof TraceFormatException) {
            return e;
        }
        String what = e instanceof ZipException || e instanceof java.io.EOFException
                ? "is not a complete gzip file (" + e.getMessage() + ")"
                : e instanceof CharacterCodingException ? "is not UTF-8 text (is it a binary file?)"
                : "cannot be read (" + e.getMessage() + ")";
        return new IOException(file + ": " + what, e);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw named(file, e);
        }
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        try {
            return super.read(buf, off, len);
        } catch (IOException e) {
            throw named(file, e);
        }
    }
}
