#!/usr/bin/env python3
"""Derives reserved / on-demand price ratios from the 2017 ec2instances.info table (MIT).

Usage: python3 derive_reserved_ratios.py SHARED_DATA_DIR > reserved-ratios.csv

For each 2017 family in us-east-1 and each of the 12 offerings ({1,3} years x {standard,
convertible} x {no, partial, all} upfront) the ratio is the median over the family's sizes of
effective hourly rate / on-demand rate. A category row is the median of the family ratios of
the families that offered convertible reservations in 2017 (AWS's then-current generation), so
the category fallback is not dragged up or down by retired families such as m1 or cr1. The
last row (category *) is the median over all those families, for a category with none.
"""
import csv
import statistics
import sys
from collections import defaultdict

OFFERINGS = [(term, cls, up) for term in ("1", "3") for cls in ("Standard", "Convertible")
             for up in ("noUpfront", "partialUpfront", "allUpfront")]
CATEGORY = {"c": "COMPUTE_OPTIMIZED", "cc": "COMPUTE_OPTIMIZED", "m": "GENERAL_PURPOSE", "t": "GENERAL_PURPOSE",
            "r": "MEMORY_OPTIMIZED", "x": "MEMORY_OPTIMIZED", "cr": "MEMORY_OPTIMIZED",
            "g": "ACCELERATED_COMPUTING", "p": "ACCELERATED_COMPUTING", "f": "ACCELERATED_COMPUTING",
            "cg": "ACCELERATED_COMPUTING", "i": "STORAGE_OPTIMIZED", "d": "STORAGE_OPTIMIZED",
            "hs": "STORAGE_OPTIMIZED"}


def code(family):
    return family.rstrip("0123456789e").rstrip("0123456789")


def main(data_dir):
    path = data_dir + "/ec2/vantage_2017-11-12_linux_ondemand_reserved_all_regions.csv"
    ratios = defaultdict(lambda: defaultdict(list))
    for row in csv.DictReader(open(path)):
        if row["region"] != "us-east-1":
            continue
        family = row["instance_type"].split(".")[0]
        od = float(row["on_demand_usd_per_hour"])
        for o in OFFERINGS:
            value = row["yrTerm%sStandard.%s_effective_usd_per_hour".replace("Standard", o[1]) % (o[0], o[2])]
            if value:
                ratios[family][o].append(float(value) / od)
    header = ["family", "category"] + ["%sy_%s_%s" % (t, c.lower(), u.replace("Upfront", "")) for t, c, u in OFFERINGS]
    print(",".join(header))
    by_category = defaultdict(lambda: defaultdict(list))
    for family in sorted(ratios):
        category = CATEGORY[code(family)]
        medians = {o: statistics.median(v) for o, v in ratios[family].items()}
        print(",".join([family, category] + ["%.4f" % medians[o] if o in medians else "" for o in OFFERINGS]))
        if any(o[1] == "Convertible" for o in medians):
            for o, m in medians.items():
                by_category[category][o].append(m)
    everything = defaultdict(list)
    for category in sorted(by_category):
        print(",".join(["*", category] + ["%.4f" % statistics.median(by_category[category][o])
                                          if by_category[category][o] else "" for o in OFFERINGS]))
        for o, values in by_category[category].items():
            everything[o].extend(values)
    print(",".join(["*", "*"] + ["%.4f" % statistics.median(everything[o]) for o in OFFERINGS]))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data")
