package io.stratus.trace.replay;

import io.stratus.trace.RecordSource;
import io.stratus.trace.RequestCount;
import io.stratus.trace.Timed;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** In-memory series for replay tests. */
final class Bins {

    private Bins() {
    }

    /** Consecutive bins of {@code width} from time {@code start} with the given counts. */
    static RecordSource<RequestCount> of(long start, long width, long... counts) {
        List<RequestCount> bins = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            bins.add(new RequestCount(start + i * width, width, counts[i]));
        }
        return source(bins);
    }

    /** The records of {@code list}, in order. */
    static <R> RecordSource<R> source(List<R> list) {
        Iterator<R> it = list.iterator();
        return () -> it.hasNext() ? it.next() : null;
    }

    /** A record at trace time {@code t}. */
    record At(long time) implements Timed {
    }

    /** Records at the given trace times. */
    static RecordSource<At> times(long... times) {
        List<At> records = new ArrayList<>();
        for (long t : times) {
            records.add(new At(t));
        }
        return source(records);
    }

    /** Every arrival of {@code process} from time 0 on. */
    static List<Long> drain(io.stratus.workload.ArrivalProcess process) {
        List<Long> out = new ArrayList<>();
        long now = 0;
        for (long t = process.nextArrival(now); t != Long.MAX_VALUE; t = process.nextArrival(now)) {
            out.add(t);
            now = t;
        }
        return out;
    }
}
