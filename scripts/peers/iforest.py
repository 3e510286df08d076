#!/usr/bin/python3
"""scikit-learn peer of `radioclr bench iforest`: Isolation Forest fit and score speed.

Debian packages (Debian 12): python3-sklearn (scikit-learn 1.2.1), python3-numpy.
Run with the system Python, side by side with radioclr on the same machine:

    ./radioclr bench iforest
    /usr/bin/python3 scripts/peers/iforest.py

The same inputs as the bench: --rows (1000000) x --cols (15) float32 standard Gaussian values,
rows 0..99 planted 6 sigma off in every feature (+6 for even rows, -6 for odd); --trees (200),
--max-samples (0.02: a fraction of the rows; or a count, or auto = min(256, rows)), --threads
(default: all cores; scikit-learn's n_jobs, which parallelises the fit; score_samples runs on one
thread in 1.2.1), --seed (1). The values are drawn by numpy, not by Java's SplittableRandom, so
the rows are not the bench's rows, only their shape and distribution. radioclr's forest is
checked against scikit-learn's scores in radioclr-anomaly/src/test/resources/iforest/ (that
script makes the correctness reference; this one only times).

Prints the bench's table: fit and score seconds (score = score_samples on every row), rows/s,
peak resident memory of this process (MB; the bench prints the JVM's peak heap instead) and
how many planted rows rank in the top 100.
"""
import argparse
import os
import resource
import time

import numpy as np
import sklearn
from sklearn.ensemble import IsolationForest

PLANTED = 100


def max_samples(text):
    if text == "auto":
        return "auto"
    return float(text) if "." in text or "e" in text.lower() else int(text)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--cols", type=int, default=15)
    p.add_argument("--trees", type=int, default=200)
    p.add_argument("--max-samples", type=max_samples, default=0.02)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    rng = np.random.default_rng(a.seed)
    x = rng.standard_normal((a.rows, a.cols), dtype=np.float32)
    x[0:PLANTED:2] += 6
    x[1:PLANTED:2] -= 6
    forest = IsolationForest(
        n_estimators=a.trees, max_samples=a.max_samples, n_jobs=a.threads, random_state=a.seed
    )
    t0 = time.perf_counter()
    forest.fit(x)
    t1 = time.perf_counter()
    score = -forest.score_samples(x)  # radioclr's score: 1 the most anomalous
    t2 = time.perf_counter()
    fit, sc = t1 - t0, t2 - t1
    cut = np.sort(score)[-PLANTED]
    top = int((score[:PLANTED] >= cut).sum())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    depth = max(e.get_depth() for e in forest.estimators_)
    print(
        f"scikit-learn {sklearn.__version__} IsolationForest: {a.rows} rows x {a.cols} features,"
        f" {a.trees} trees of {forest.max_samples_} rows (depth {depth}), n_jobs={a.threads}"
    )
    print(f"{'fit s':>9} {'score s':>9} {'total s':>9} {'rows/s':>12} {'peak RSS MB':>13} {'planted in top':>15}")
    print(
        f"{fit:9.2f} {sc:9.2f} {fit + sc:9.2f} {a.rows / (fit + sc):12.0f} {peak_mb:13.0f}"
        f" {top:11d}/{PLANTED}"
    )


if __name__ == "__main__":
    main()
