"""Reference scores of scikit-learn's IsolationForest for IsolationForestSklearnTest.

Run with /usr/bin/python3 (numpy + scikit-learn 1.2.1) from this folder:
    /usr/bin/python3 make_reference.py
Writes reference.csv: f0..f4 (float32 values), sk_score (= -score_samples, in [0, 1],
1 most anomalous) and sk_outlier (predict == -1) of a forest with 200 trees,
max_samples='auto' (256 rows), contamination=0.02, random_state=0, and sk_score_2000 of a
forest of 2000 trees (same settings otherwise).
"""
import numpy as np
from sklearn.ensemble import IsolationForest

rng = np.random.default_rng(20240501)
n, d = 2000, 5
cov = np.full((d, d), 0.3) + 0.7 * np.eye(d)
x = rng.multivariate_normal(np.zeros(d), cov, size=n)
x[:, 3] = rng.exponential(1.0, size=n)  # a skewed column
x[:, 4] = np.round(x[:, 4] * 2) / 2  # a coarse column with many ties
# 20 planted outliers far from the bulk in two of the columns
out = rng.choice(n, size=20, replace=False)
x[out, 0] += rng.choice([-1, 1], size=20) * rng.uniform(4, 7, size=20)
x[out, 1] += rng.choice([-1, 1], size=20) * rng.uniform(4, 7, size=20)
x = x.astype(np.float32)

forest = IsolationForest(
    n_estimators=200, max_samples="auto", contamination=0.02, random_state=0
).fit(x)
score = -forest.score_samples(x)
outlier = forest.predict(x) == -1
# 2000 trees: forest-to-forest noise drops (scikit-learn against itself with another
# random_state: Spearman 0.998 instead of 0.980-0.985 at 200 trees)
score_2000 = -IsolationForest(n_estimators=2000, random_state=0).fit(x).score_samples(x)

with open("reference.csv", "w") as f:
    f.write(",".join([f"f{i}" for i in range(d)] + ["sk_score", "sk_outlier", "sk_score_2000"]) + "\n")
    for i in range(n):
        cells = [repr(float(v)) for v in x[i]] + [repr(float(score[i])), str(bool(outlier[i])).lower(), repr(float(score_2000[i]))]
        f.write(",".join(cells) + "\n")
print("wrote reference.csv:", n, "rows,", int(outlier.sum()), "flagged")
