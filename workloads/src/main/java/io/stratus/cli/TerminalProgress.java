package io.stratus.cli;

import io.stratus.run.ScenarioRunner;
import io.stratus.sim.Time;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar of simulated hours and events per second on the terminal (the progressbar
 * library), shown only when enabled (output is a terminal and not quiet) and only once a run has
 * taken more than a second, so short runs print nothing extra.
 */
final class TerminalProgress implements ScenarioRunner.ProgressListener, AutoCloseable {

    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;

    private final boolean enabled;
    private final long started = System.nanoTime();
    private ProgressBar bar;

    TerminalProgress(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void progress(long simulatedMicros, long totalMicros, long events) {
        long wall = System.nanoTime() - started;
        if (!enabled || wall < SHOW_AFTER_NANOS) {
            return;
        }
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName("simulating").setUnit(" h", 1)
                    .setInitialMax(Math.max(1, totalMicros / Time.HOUR)).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(200).continuousUpdate().build();
        }
        bar.stepTo(simulatedMicros / Time.HOUR);
        bar.setExtraMessage(String.format(" %.1f M events/s", events / (wall / 1e9) / 1e6));
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
