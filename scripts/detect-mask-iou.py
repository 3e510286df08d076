#!/usr/bin/env python3
"""How well the masks of a detection run fit the true masks, per true class.

    scripts/detect-mask-iou.py DET SETDIR

DET is the folder `radioclr detect run --model M SETDIR/../hulk/frames/*.fits --out DET` wrote
(one labels.fits per frame); SETDIR a radioclr-sim detection set (sets/detection: datalist.json
and annotations/). For each true object, the largest mask IoU with any object found on its frame
(class ignored). Prints per true class the share of objects with IoU 0, below 0.3, 0.3-0.6 and at
least 0.6, and the median pixel counts of the true masks and of the best-matching found masks.
Needs the Debian packages python3-astropy and python3-numpy.
"""
import collections
import json
import os
import sys

import numpy as np
from astropy.io import fits


def main(det, setdir):
    data = json.load(open(os.path.join(setdir, "datalist.json")))["data"]
    rows = collections.defaultdict(list)
    for entry in data:
        labels = fits.getdata(os.path.join(det, entry["sname"], "labels.fits"))
        ann = json.load(open(os.path.join(setdir, entry["annotation"])))
        for obj in ann.get("objs", ann.get("objects", [])):
            mask_file = os.path.join(setdir, "annotations", os.path.basename(obj["mask"]))
            truth = fits.getdata(mask_file) > 0
            truth_pixels = int(truth.sum())
            best, best_pixels = 0.0, 0
            ids, counts = np.unique(labels[truth], return_counts=True)
            for i, c in zip(ids, counts):
                if i == 0:
                    continue
                found = int((labels == i).sum())
                iou = c / (truth_pixels + found - c)
                if iou > best:
                    best, best_pixels = iou, found
            rows[obj.get("class", obj.get("name"))].append((truth_pixels, best, best_pixels))
    print("class                 n  iou=0  <0.3  0.3-0.6  >=0.6  truth_px  found_px")
    for cls, v in sorted(rows.items()):
        truth_px = np.array([r[0] for r in v])
        iou = np.array([r[1] for r in v])
        found_px = np.array([r[2] for r in v])
        hit = iou > 0
        print(
            "%-20s %4d  %5.2f  %4.2f  %7.2f  %5.2f  %8d  %8s"
            % (
                cls,
                len(v),
                (iou == 0).mean(),
                (hit & (iou < 0.3)).mean(),
                ((iou >= 0.3) & (iou < 0.6)).mean(),
                (iou >= 0.6).mean(),
                np.median(truth_px),
                int(np.median(found_px[hit])) if hit.any() else "-",
            )
        )


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
