package io.stratus.trace;

import io.stratus.sim.Time;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Stream;

/**
 * Reads PlanetLab CPU traces as distributed with CloudSim ({@code workload/planetlab/DATE/}): one
 * file per VM, one integer percentage (0 to 100) per line, one line per 5-minute interval (288 in
 * a day). The path may be one file, or a directory, whose regular files are read one after the
 * other in name order (one VM each). The file name (less a {@code .gz} suffix) is the VM's id; 50
 * of the 1,052 names of 2011-03-03 contain a space, which is kept.
 *
 * <p>Checks: one integer per line, between 0 and 100. A blank line is an error here, not a skip,
 * because it would shift every later reading by one interval. Records come VM by VM, each VM's in
 * time order.
 */
public final class PlanetLabReader extends TraceReader<PlanetLabSample> {

    /** The sampling interval of the CloudSim PlanetLab files. */
    public static final long INTERVAL = 5 * Time.MINUTE;

    private final long interval;
    private final Deque<Path> pending = new ArrayDeque<>();
    private LineCursor cursor;
    private String vmId;
    private long index;

    /** A reader with the standard 5-minute interval. */
    public PlanetLabReader(Path fileOrDirectory) throws IOException {
        this(fileOrDirectory, INTERVAL);
    }

    /**
     * @param fileOrDirectory one VM's file, or a directory of them
     * @param interval        the time between readings, microseconds
     */
    public PlanetLabReader(Path fileOrDirectory, long interval) throws IOException {
        super(fileOrDirectory);
        if (interval <= 0) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        this.interval = interval;
        if (Files.isDirectory(fileOrDirectory)) {
            try (Stream<Path> files = Files.list(fileOrDirectory)) {
                files.filter(Files::isRegularFile).sorted().forEach(pending::add);
            }
        } else {
            pending.add(fileOrDirectory);
        }
    }

    @Override
    public PlanetLabSample next() throws IOException {
        while (true) {
            if (cursor == null) {
                Path file = pending.poll();
                if (file == null) {
                    return null;
                }
                cursor = LineCursor.blankSeparated(file);
                vmId = TraceFiles.nameWithoutGz(file);
                index = 0;
            }
            if (cursor.next()) {
                return parse();
            }
            cursor.close();
            cursor = null;
        }
    }

    private PlanetLabSample parse() throws TraceFormatException {
        if (cursor.isBlank()) {
            throw cursor.error("blank line: every line must hold one CPU percentage");
        }
        cursor.requireFields(1);
        long percent = cursor.longAt(0, "CPU utilisation %");
        if (percent < 0 || percent > 100) {
            throw cursor.badField(0, "CPU utilisation %", "must be between 0 and 100");
        }
        return new PlanetLabSample(vmId, index++ * interval, (int) percent);
    }

    @Override
    public void close() throws IOException {
        pending.clear();
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
    }
}
