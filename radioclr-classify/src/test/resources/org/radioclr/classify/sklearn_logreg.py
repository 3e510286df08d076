"""Reference data and scikit-learn results for LogisticRegressionTest.

Writes logreg_data.csv (split,label,x0..x7: 3 overlapping Gaussian classes, 180 train and 90 test
rows) and logreg_sklearn_proba.csv (scikit-learn's test-set class probabilities), and prints the
test accuracy. Run with scikit-learn 1.2.1 / numpy 1.24.2: /usr/bin/python3 sklearn_logreg.py
"""
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

rng = np.random.default_rng(20240601)
centres = rng.normal(0, 1.0, (3, 8))
scales = np.array([1, 3, 0.5, 2, 1, 10, 1, 0.2])  # unequal scales: standardisation matters


def make(n):
    y = np.repeat(np.arange(3), n // 3)
    x = (centres[y] + rng.normal(0, 1.8, (len(y), 8))) * scales + 5
    return x, y


xtr, ytr = make(180)
xte, yte = make(90)
with open("logreg_data.csv", "w") as f:
    f.write("split,label," + ",".join(f"x{j}" for j in range(8)) + "\n")
    for s, xs, ys in (("train", xtr, ytr), ("test", xte, yte)):
        for row, lab in zip(xs, ys):
            f.write(f"{s},{lab}," + ",".join(f"{v:.6f}" for v in row) + "\n")
# re-read the rounded values so both sides fit the same numbers
data = np.genfromtxt("logreg_data.csv", delimiter=",", skip_header=1, dtype=str)
x = data[:, 2:].astype(float)
y = data[:, 1].astype(int)
tr = data[:, 0] == "train"
scaler = StandardScaler().fit(x[tr])
clf = LogisticRegression(C=1.0, max_iter=10000, tol=1e-10).fit(scaler.transform(x[tr]), y[tr])
proba = clf.predict_proba(scaler.transform(x[~tr]))
np.savetxt("logreg_sklearn_proba.csv", proba, delimiter=",", fmt="%.10f")
print("test accuracy", (proba.argmax(1) == y[~tr]).mean())
print("train accuracy", clf.score(scaler.transform(x[tr]), y[tr]))
