package io.stratus.run;

import io.stratus.sim.Time;
import io.stratus.trace.TraceFormat;
import io.stratus.trace.TraceReader;
import io.stratus.trace.UtilisationSample;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The utilisation series of every VM of a trace, held in memory (a PlanetLab day is 1,052 x 288
 * readings, 2.4 MB as doubles): VM {@code v}'s reading {@code k} is its utilisation (0 to 1) over
 * {@code [k * step, (k + 1) * step)}. VMs are numbered in trace order (for PlanetLab, file-name order).
 *
 * @param ids    each VM's id in the trace
 * @param series each VM's readings, in time order
 * @param step   the time between readings, microseconds
 */
record VmUtilisationTraces(List<String> ids, double[][] series, long step) {

    VmUtilisationTraces {
        ids = List.copyOf(ids);
    }

    /** Reads every series of {@code path}; each reading must fall on the grid of {@code step}. */
    static VmUtilisationTraces read(TraceFormat format, Path path, long step) throws IOException {
        return read(format, path, step, Integer.MAX_VALUE);
    }

    /** Reads the first {@code count} series of {@code path} (all if it has fewer), in trace order. */
    static VmUtilisationTraces read(TraceFormat format, Path path, long step, int count) throws IOException {
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<double[]> series = new ArrayList<>();
        DoubleArrayList current = new DoubleArrayList();
        String currentId = null;
        try (TraceReader<UtilisationSample> reader = format.open(path, UtilisationSample.class)) {
            for (UtilisationSample s = reader.next(); s != null; s = reader.next()) {
                if (!s.vmId().equals(currentId)) {
                    if (ids.size() == count) {
                        break; // the slice is complete
                    }
                    if (currentId != null) {
                        series.add(current.toDoubleArray());
                    }
                    if (!seen.add(s.vmId())) {
                        throw new IOException(path + ": the readings of VM '" + s.vmId()
                                + "' are not together; a utilisation trace must give each VM's series in one piece");
                    }
                    ids.add(s.vmId());
                    currentId = s.vmId();
                    current.clear();
                }
                long expected = current.size() * step;
                if (s.time() != expected) {
                    throw new IOException(path + ": VM '" + s.vmId() + "' reading " + (current.size() + 1) + " is at "
                            + Time.format(s.time()) + ", expected " + Time.format(expected) + " (one reading every "
                            + Time.compact(step) + ")");
                }
                double u = s.cpuUtilisation();
                if (!(u >= 0 && u <= 1)) {
                    throw new IOException(path + ": VM '" + s.vmId() + "' reading " + (current.size() + 1)
                            + " is a utilisation of " + u + "; allowed from 0 to 1 (0% to 100%)");
                }
                current.add(u);
            }
        }
        if (currentId != null) {
            series.add(current.toDoubleArray());
        }
        if (ids.isEmpty()) {
            throw new IOException(path + ": the trace holds no VM readings");
        }
        return new VmUtilisationTraces(ids, series.toArray(double[][]::new), step);
    }

    /** Number of VMs. */
    int vmCount() {
        return series.length;
    }

    /** VM {@code vm}'s utilisation in step {@code k}: the trace repeats after its last reading. */
    double utilisation(int vm, long k) {
        double[] s = series[vm];
        return s[(int) (k % s.length)];
    }
}
