#!/usr/bin/python3
"""Input and scikit-learn peer of `radioclr classify knn`: leave-one-out cosine kNN speed.

Debian packages (Debian 12): python3-sklearn (scikit-learn 1.2.1), python3-numpy.
Run with the system Python, side by side with radioclr on the same machine and the same table:

    /usr/bin/python3 scripts/peers/knn.py --write knn-3000x512.csv   # writes the table, times sklearn
    time ./radioclr classify knn --features knn-3000x512.csv

--write F writes a seeded feature table in radioclr's CSV layout (sname, id, label, f0..f511):
--rows (3000) rows of --dim (512) float32 features, --classes (4) classes whose rows are
Gaussian clouds around random centres (noise 10x the spread of the centres, so the classes
overlap and the accuracy is not trivially 1). Then the same check as `radioclr classify knn`
(default --k 20): each row is classified by the majority label of its k most cosine-similar
other rows (the row itself left out; a tie goes to the label of the nearest of the tied
neighbours, as radioclr does), timed with scikit-learn's brute-force cosine NearestNeighbors
(n_jobs = all cores). Prints the accuracy and the seconds (without reading or writing the
table; the radioclr figure is the whole command's wall time, JVM start and reading included).
"""
import argparse
import os
import time

import numpy as np
import sklearn
from sklearn.neighbors import NearestNeighbors


def table(rows, dim, classes, seed):
    rng = np.random.default_rng(seed)
    centres = rng.normal(0, 1, (classes, dim))
    y = rng.integers(0, classes, rows)
    x = (centres[y] + rng.normal(0, 10, (rows, dim))).astype(np.float32)
    return x, y


def write_csv(path, x, y):
    with open(path, "w") as f:
        f.write("sname,id,label," + ",".join(f"f{j}" for j in range(x.shape[1])) + "\n")
        for i, (row, lab) in enumerate(zip(x, y)):
            f.write(f"r{i},{lab},c{lab}," + ",".join(repr(float(v)) for v in row) + "\n")


def loo_knn(x, y, k, jobs):
    nn = NearestNeighbors(n_neighbors=k + 1, metric="cosine", algorithm="brute", n_jobs=jobs)
    nn.fit(x)
    _, idx = nn.kneighbors(x)
    predicted = np.empty_like(y)
    for i in range(len(y)):
        neigh = [j for j in idx[i] if j != i][:k]
        votes = np.bincount(y[neigh], minlength=y.max() + 1)
        best = np.flatnonzero(votes == votes.max())
        # tie: the label of the nearest neighbour among the tied labels
        predicted[i] = next(y[j] for j in neigh if y[j] in best)
    return float((predicted == y).mean())


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--rows", type=int, default=3000)
    p.add_argument("--dim", type=int, default=512)
    p.add_argument("--classes", type=int, default=4)
    p.add_argument("--k", type=int, default=20)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--write", metavar="F.csv", help="write the table for radioclr classify knn")
    a = p.parse_args()
    x, y = table(a.rows, a.dim, a.classes, a.seed)
    if a.write:
        write_csv(a.write, x, y)
    t0 = time.perf_counter()
    acc = loo_knn(x, y, a.k, a.threads)
    seconds = time.perf_counter() - t0
    print(
        f"scikit-learn {sklearn.__version__} leave-one-out cosine kNN, k={a.k}, {a.rows} x {a.dim},"
        f" {a.classes} classes, n_jobs={a.threads}: accuracy {acc:.4f}, {seconds:.2f} s"
    )


if __name__ == "__main__":
    main()
