package io.stratus.cli;

import io.stratus.run.CompareRuns;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar of simulations done out of the total, for {@code compare} and {@code sweep}
 * (the progressbar library, on standard error). Off unless enabled, which the commands do only
 * when the output is a terminal and not {@code --quiet}, so files and piped output stay
 * byte-identical. Safe to call from the worker threads.
 */
final class RunsProgress implements CompareRuns.Progress, AutoCloseable {

    private final boolean enabled;
    private final String task;
    private int total;
    private int done;
    private ProgressBar bar;

    RunsProgress(boolean enabled, String task, int total) {
        this.enabled = enabled;
        this.task = task;
        this.total = total;
    }

    /** One more simulation done. */
    synchronized void done() {
        simulated(done + 1, total);
    }

    @Override
    public synchronized void simulated(int ended, int of) {
        done = ended;
        total = of;
        if (!enabled) {
            return;
        }
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(task).setUnit(" runs", 1).setInitialMax(Math.max(1, of))
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate().build();
        }
        bar.maxHint(of);
        bar.stepTo(ended);
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
