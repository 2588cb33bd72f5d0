#!/usr/bin/env python3
"""Fits the spot model parameters Stratus bundles, from spot data whose licence is not stated
(so only the fitted figures are committed, never the data).

Usage: python3 fit_spot_model.py SHARED_DATA_DIR OUTPUT_CSV

1. Price dynamics, from the t3.micro Linux series 2025-11..2026-02 (MSU): per region, the
   price in effect at the start of each clock hour (last change carried forward), then an AR(1)
   fit by least squares of y(h+1) - m = phi (y(h) - m) + e on y = ln(price). That is the hourly
   discretisation of an Ornstein-Uhlenbeck process d y = theta (m - y) dt + sigma dW with
   theta = -ln(phi) per hour and sigma_stationary = sd(e) / sqrt(1 - phi^2).
2. Per-type mean discount, from the 2022-05-31 all-regions snapshot (EPA): the mean Linux/UNIX
   spot price over the us-east-1 zones (az ids use1-az*) and the ~6 hours, divided by the 2026
   us-east-1 on-demand price of the bundled catalogue. Types without snapshot rows fall back to
   1 - s/100 with s the Spot Advisor savings percentage.
3. Per-type interruption bucket r (0..4), from the Spot Advisor snapshot 2022-07-23 (LLU),
   us-east-1 Linux.
Writes type,spot_fraction,fraction_source,interruption_bucket for the catalogue's priced types
that have a fraction; prints the dynamics fit and summary statistics.
"""
import csv
import datetime as dt
import gzip
import json
import math
import statistics
import sys
from collections import defaultdict


def hourly_log_prices(points):
    points.sort()
    start = points[0][0].replace(minute=0, second=0, microsecond=0) + dt.timedelta(hours=1)
    end = points[-1][0]
    out, i, price, t = [], 0, points[0][1], start
    while t <= end:
        while i < len(points) and points[i][0] <= t:
            price = points[i][1]
            i += 1
        out.append(math.log(price))
        t += dt.timedelta(hours=1)
    return out


def ar1(y):
    m = statistics.fmean(y)
    x0 = [v - m for v in y[:-1]]
    x1 = [v - m for v in y[1:]]
    phi = sum(a * b for a, b in zip(x0, x1)) / sum(a * a for a in x0)
    resid = [b - phi * a for a, b in zip(x0, x1)]
    sd = statistics.pstdev(resid)
    return m, phi, sd


def main(data_dir, out_path):
    spot = data_dir + "/ec2/spot/"
    series = defaultdict(list)
    with open(spot + "spot_price_history_t3.micro_linux_2025-11_2026-02.csv") as f:
        for r in csv.DictReader(f):
            series[r["Region"]].append((dt.datetime.fromisoformat(r["Timestamp"]), float(r["SpotPrice"])))
    print("region,changes,hours,mean_price,phi_per_hour,theta_per_hour,half_life_hours,sd_innovation,sd_stationary")
    for region in sorted(series):
        y = hourly_log_prices(series[region])
        m, phi, sd = ar1(y)
        theta = -math.log(phi)
        print("%s,%d,%d,%.5f,%.4f,%.4f,%.1f,%.4f,%.4f" % (region, len(series[region]), len(y), math.exp(m), phi,
                                                          theta, math.log(2) / theta, sd, sd / math.sqrt(1 - phi * phi)))

    on_demand, category = {}, {}
    with open(data_dir + "/ec2/ec2_catalog_joined.csv") as f:
        for r in csv.DictReader(f):
            if r["on_demand_usd_per_hour_us_east_1"]:
                on_demand[r["instance_type"]] = float(r["on_demand_usd_per_hour_us_east_1"])
    prices = defaultdict(list)
    with gzip.open(spot + "spot_price_history_2022-05-31_all_regions.tsv.gz", "rt") as f:
        for line in f:
            az, itype, product, price, _ = line.rstrip("\n").split("\t")
            if az.startswith("use1-") and product == "Linux/UNIX":
                prices[itype].append(float(price))
    with gzip.open(spot + "advisor/spot-advisor-data-2022-07-23.json.gz", "rt") as f:
        advisor = json.load(f)["spot_advisor"]["us-east-1"]["Linux"]

    rows, from_snapshot, from_advisor = [], 0, 0
    for itype in sorted(on_demand):
        bucket = advisor.get(itype, {}).get("r", "")
        if itype in prices:
            fraction, source = statistics.fmean(prices[itype]) / on_demand[itype], "snapshot"
            from_snapshot += 1
        elif itype in advisor and advisor[itype]["s"] > 0:
            fraction, source = 1 - advisor[itype]["s"] / 100, "advisor"
            from_advisor += 1
        else:
            continue
        rows.append((itype, min(fraction, 1.0), source, bucket))
    with open(out_path, "w") as f:
        f.write("# Fitted spot parameters per instance type, us-east-1 Linux. Not source data: derived by\n"
                "# results/pricing/fit_spot_model.py (see results/spot-model.md) from files without a stated\n"
                "# licence, of which only these fitted figures are kept.\n"
                "# spot_fraction: mean spot price / 2026 on-demand price; fraction_source: snapshot = mean over\n"
                "# use1-az* of the 2022-05-31 price snapshot (ericpauley/aws-spot-price-history), advisor =\n"
                "# 1 - savings/100 of the Spot Advisor 2022-07-23 (Leeron-Luzzatto/AWSSpotAdvisorCuration);\n"
                "# interruption_bucket: Spot Advisor r (0 <5%, 1 5-10%, 2 10-15%, 3 15-20%, 4 >20% a month),\n"
                "# empty when the Advisor does not list the type.\n")
        f.write("instance_type,spot_fraction,fraction_source,interruption_bucket\n")
        for itype, fraction, source, bucket in rows:
            f.write("%s,%.4f,%s,%s\n" % (itype, fraction, source, bucket))
    fractions = [r[1] for r in rows]
    buckets = [r[3] for r in rows if r[3] != ""]
    print()
    print("types written %d (snapshot %d, advisor %d); spot fraction median %.3f, p10 %.3f, p90 %.3f"
          % (len(rows), from_snapshot, from_advisor, statistics.median(fractions),
             statistics.quantiles(fractions, n=10)[0], statistics.quantiles(fractions, n=10)[-1]))
    print("interruption buckets: " + ", ".join("r=%d: %d" % (b, buckets.count(b)) for b in range(5)))
    for t in ("m5.large", "m5.xlarge", "c5.large", "t3.micro", "r5.large"):
        match = [r for r in rows if r[0] == t]
        print("%s: %s" % (t, match[0][1:] if match else "none"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data",
         sys.argv[2] if len(sys.argv) > 2 else "spot-model-us-east-1.csv")
