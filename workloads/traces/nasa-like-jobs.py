#!/usr/bin/env python3
"""Writes nasa-like-jobs.swf.gz: a synthetic job log shaped like the NASA Ames iPSC/860 log of 1993.

Generated, not measured. No record of the original log is copied: only the summary statistics
below were fitted (by the Stratus developers, 2026-12-03) from the Parallel Workloads Archive's
cleaned NASA-iPSC-1993-3.1 log (18,239 jobs, 1993-10-01 to 1993-12-31, Pacific time):
- job sizes: the count of jobs of each size (1 to 128 processors, powers of two);
- run times: per size, the mean and standard deviation of ln(run time in seconds), drawn as a
  log-normal and clamped to the log's range (1 s to 62,643 s);
- submissions: a Poisson process whose rate follows the log's jobs per hour of the day and per
  day of the week (day 0 = the log's first day, a Friday), scaled to 18,239 jobs in 92 days.
Run: python3 nasa-like-jobs.py (writes the file beside this script, byte-identical every time).
"""
import gzip, math, os, random

SIZES = {1: 4935, 2: 1763, 4: 2683, 8: 1793, 16: 1780, 32: 3662, 64: 1203, 128: 420}
LOG_RUNTIME = {1: (3.421, 1.301), 2: (4.769, 1.639), 4: (4.694, 1.764), 8: (4.709, 1.590),
               16: (4.720, 1.563), 32: (5.538, 1.857), 64: (6.024, 2.049), 128: (5.542, 2.557)}
PER_HOUR = [82, 113, 101, 58, 57, 140, 251, 397, 770, 1208, 1493, 1690, 1555, 1501, 1518, 1546,
            1414, 1298, 989, 787, 584, 381, 164, 142]
PER_WEEKDAY = [2961, 1049, 843, 3149, 3420, 3423, 3394]
JOBS, DAYS, MAX_RUNTIME = 18239, 92, 62643


def rate_per_second(t):
    """Expected submissions per second at time t: the hour and weekday shares of the log."""
    hour, day = int(t // 3600) % 24, int(t // 86400) % 7
    hour_share = PER_HOUR[hour] / sum(PER_HOUR) * 24
    day_share = PER_WEEKDAY[day] / sum(PER_WEEKDAY) * 7
    return JOBS / (DAYS * 86400) * hour_share * day_share


def main():
    rnd = random.Random(19931001)
    peak = max(rate_per_second(h * 3600 + d * 86400) for h in range(24) for d in range(7))
    sizes, weights = list(SIZES), list(SIZES.values())
    lines, t, job = [], 0.0, 0
    while True:  # thinning (Lewis and Shedler) of a Poisson process at the peak rate
        t += rnd.expovariate(peak)
        if t >= DAYS * 86400:
            break
        if rnd.random() * peak > rate_per_second(t):
            continue
        job += 1
        procs = rnd.choices(sizes, weights)[0]
        mu, sigma = LOG_RUNTIME[procs]
        run = min(MAX_RUNTIME, max(1, round(math.exp(rnd.gauss(mu, sigma)))))
        lines.append(f"{job} {int(t)} -1 {run} {procs} -1 -1 {procs} -1 -1 1 1 1 1 1 1 -1 -1")
    header = [
        "; Synthetic job log shaped like the NASA Ames iPSC/860 log of 1993 (Standard Workload Format 2.2).",
        f"; Generated, not measured, by nasa-like-jobs.py: {job} jobs over {DAYS} days; sizes, log-normal",
        "; run times per size and hour-of-day / day-of-week submission rates fitted to the Parallel",
        "; Workloads Archive's NASA-iPSC-1993-3.1-cln log; no record of it is copied. random.Random(19931001).",
        "; MaxProcs: 128",
        "; Fields: job submit wait run procs cpu mem reqprocs reqtime reqmem status user group app queue partition prev think",
    ]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "nasa-like-jobs.swf.gz")
    with open(out, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(("\n".join(header + lines) + "\n").encode("ascii"))


if __name__ == "__main__":
    main()
