"""Reference values for ClassificationMetricsTest (printed, then pasted into the test).

Run with scikit-learn 1.2.1 / numpy 1.24.2: /usr/bin/python3 sklearn_metrics.py
"""
import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix
from sklearn.metrics import precision_recall_fscore_support as prf


def show(tag, t, y, **kw):
    for avg in [None, "macro", "weighted", "micro"]:
        r = prf(t, y, average=avg, zero_division=0, **kw)
        print(tag, avg, [None if v is None else [repr(x) for x in np.atleast_1d(v)] for v in r])


# 3-class example
t = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2]
y = [0, 0, 1, 2, 1, 1, 0, 2, 2, 1, 2, 0]
print(confusion_matrix(t, y, labels=[0, 1, 2]).tolist())
show("3class", t, y, labels=[0, 1, 2])
print("accuracy", repr(accuracy_score(t, y)))

# zero division: class 2 never predicted, class 3 absent
show("zero-division", [0, 0, 1, 1, 2], [0, 1, 1, 1, 0], labels=[0, 1, 2, 3])

# multi-label, threshold 0.5
T = np.array([[1, 0, 1], [0, 1, 0], [1, 1, 0], [0, 0, 1], [1, 0, 0]])
S = np.array([[.9, .2, .6], [.1, .7, .4], [.8, .3, .1], [.6, .1, .9], [.4, .2, .3]])
Y = (S >= 0.5).astype(int)
show("multi-label", T, Y)
print("subset accuracy", repr(accuracy_score(T, Y)))
