package io.stratus.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The race against CloudSim Plus: one batch scenario ({@link RaceScenario}) in either engine, one
 * engine per JVM so that each heap is measured alone.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.stratus.bench.PeerRace run stratus|cloudsimplus H [seed] [times-file] [scale]
 * java -cp benchmarks/target/benchmarks.jar io.stratus.bench.PeerRace compare stratus-times cloudsimplus-times
 * </pre>
 *
 * {@code run} prints one tab-separated line (engine, hosts, VMs created, jobs finished, wall s,
 * process CPU s, events, peak heap MiB, simulated end s, JVM) and can write every job's VM and finish time;
 * {@code compare} reports how the two engines' finish times differ. Stratus places with
 * {@code next-fit}, which is what CloudSim Plus's {@code VmAllocationPolicyFirstFit} does.
 */
public final class PeerRace {

    private PeerRace() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 3 && args[0].equals("run")) {
            int hosts = Integer.parseInt(args[2]);
            long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
            RaceScenario s = new RaceScenario(hosts, seed);
            long cpu0 = HeapPeak.processCpuNanos();
            RaceResult r = switch (args[1]) {
                case "stratus" -> StratusRace.run(s, "next-fit", seed);
                case "cloudsimplus" -> CloudSimPlusRace.run(s, args.length > 5 ? Long.parseLong(args[5]) : 1);
                default -> throw new IllegalArgumentException("engine is stratus or cloudsimplus, got " + args[1]);
            };
            r.cpuSeconds = (HeapPeak.processCpuNanos() - cpu0) / 1e9;
            int finished = 0;
            for (double f : r.jobFinishSeconds) {
                if (!Double.isNaN(f)) {
                    finished++;
                }
            }
            System.out.printf(Locale.ROOT, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%d\t%.0f\t%.6f\t%s %s%n", r.engine,
                    r.hosts, r.vmsCreated, finished, r.wallSeconds, r.cpuSeconds, r.events, r.peakHeapBytes / 1048576.0, r.endSeconds,
                    System.getProperty("java.vm.vendor"), System.getProperty("java.runtime.version"));
            if (args.length > 4) {
                write(Path.of(args[4]), r);
            }
        } else if (args.length == 3 && args[0].equals("compare")) {
            compare(Path.of(args[1]), Path.of(args[2]));
        } else {
            System.err.println("usage: PeerRace run stratus|cloudsimplus HOSTS [SEED] [TIMES-FILE] [CLOUDSIM-SCALE]"
                    + " | PeerRace compare TIMES-A TIMES-B");
            System.exit(2);
        }
    }

    private static void write(Path file, RaceResult r) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(r.jobVm.length);
            for (int j = 0; j < r.jobVm.length; j++) {
                out.writeInt(r.jobVm[j]);
                out.writeDouble(r.jobStartSeconds[j]);
                out.writeDouble(r.jobFinishSeconds[j]);
            }
        }
    }

    /**
     * Compares two engines' finish times job by job. Besides the largest absolute and relative
     * differences it checks the model of CloudSim Plus's quantisation: its time-shared scheduler
     * updates at most every 0.1 s, so each earlier completion on the same VM (a rate change) can
     * delay a job by up to 0.1 s, and its cloudlets start when the broker submits them (0.1 s),
     * not at 0; a job whose difference exceeds the gap between the two start times plus 0.1 s x
     * (its completion rank on its VM + 1) is counted as unexplained.
     */
    private static void compare(Path a, Path b) throws IOException {
        int n;
        int[] vmA;
        int[] vmB;
        double[] fa;
        double[] fb;
        double[] sa;
        double[] sb;
        try (DataInputStream x = new DataInputStream(new BufferedInputStream(Files.newInputStream(a)));
                DataInputStream y = new DataInputStream(new BufferedInputStream(Files.newInputStream(b)))) {
            n = x.readInt();
            if (y.readInt() != n) {
                throw new IllegalArgumentException("the files hold different job counts");
            }
            vmA = new int[n];
            vmB = new int[n];
            fa = new double[n];
            fb = new double[n];
            sa = new double[n];
            sb = new double[n];
            for (int j = 0; j < n; j++) {
                vmA[j] = x.readInt();
                sa[j] = x.readDouble();
                fa[j] = x.readDouble();
                vmB[j] = y.readInt();
                sb[j] = y.readDouble();
                fb[j] = y.readDouble();
            }
        }
        Integer[] byVmThenFinish = new Integer[n];
        for (int j = 0; j < n; j++) {
            byVmThenFinish[j] = j;
        }
        java.util.Arrays.sort(byVmThenFinish, (p, q) -> vmA[p] != vmA[q] ? Integer.compare(vmA[p], vmA[q])
                : Double.compare(fa[p], fa[q]));
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            int j = byVmThenFinish[i];
            rank[j] = i > 0 && vmA[byVmThenFinish[i - 1]] == vmA[j] ? rank[byVmThenFinish[i - 1]] + 1 : 0;
        }
        int vmMismatch = 0;
        int missing = 0;
        int over = 0;
        int unexplained = 0;
        double maxAbs = 0;
        double maxRel = 0;
        double sumAbs = 0;
        double sumSigned = 0;
        double minSigned = Double.MAX_VALUE;
        int compared = 0;
        int worst = -1;
        double maxStartGap = 0;
        double maxRelFromStart = 0;
        int overFromStart = 0;
        for (int j = 0; j < n; j++) {
            if (vmA[j] != vmB[j]) {
                vmMismatch++;
            }
            if (Double.isNaN(fa[j]) || Double.isNaN(fb[j])) {
                missing++;
                continue;
            }
            double signed = fb[j] - fa[j];
            double abs = Math.abs(signed);
            double rel = abs / Math.max(fa[j], 1e-9);
            compared++;
            sumAbs += abs;
            sumSigned += signed;
            minSigned = Math.min(minSigned, signed);
            if (rel > 0.001) {
                over++;
            }
            maxStartGap = Math.max(maxStartGap, Math.abs(sb[j] - sa[j]));
            double runA = fa[j] - sa[j];
            double relFromStart = Math.abs((fb[j] - sb[j]) - runA) / Math.max(runA, 1e-9);
            maxRelFromStart = Math.max(maxRelFromStart, relFromStart);
            if (relFromStart > 0.001) {
                overFromStart++;
            }
            if (abs > Math.abs(sb[j] - sa[j]) + 0.1 * (rank[j] + 1) + 1e-6) {
                unexplained++;
            }
            if (abs > maxAbs) {
                maxAbs = abs;
                worst = j;
            }
            maxRel = Math.max(maxRel, rel);
        }
        System.out.printf(Locale.ROOT,
                "jobs %d compared %d missing %d vm-mismatch %d max-abs-s %.6f mean-abs-s %.6f mean-(b-a)-s %.6f"
                        + " min-(b-a)-s %.6f max-start-gap-s %.3f max-rel %.3e over-0.1%% %d"
                        + " beyond-start-gap-plus-0.1s-per-completion %d"
                        + " worst-job %d (rank %d on its VM) | measured from each engine's start of the job:"
                        + " max-rel %.3e over-0.1%% %d%n",
                n, compared, missing, vmMismatch, maxAbs, compared == 0 ? 0 : sumAbs / compared,
                compared == 0 ? 0 : sumSigned / compared, minSigned, maxStartGap, maxRel, over, unexplained, worst,
                worst < 0 ? -1 : rank[worst], maxRelFromStart, overFromStart);
    }
}
