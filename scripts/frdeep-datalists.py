#!/usr/bin/env python3
"""Writes the FR-DEEP datalists into the current folder: train.json (the data set's 460 train
images), test.json (its 198 test images) and all.json (both), labelled FRI (id 0) / FRII (id 1),
from FRDEEP/labels.csv. Standard library only.

    python3 scripts/frdeep-datalists.py FRDEEP
"""
import csv
import json
import os
import sys

frdeep = os.path.abspath(sys.argv[1])
lists = {"train": [], "test": []}
with open(os.path.join(frdeep, "labels.csv"), newline="") as f:
    for row in csv.DictReader(f):
        lists[row["split"]].append({
            "filepaths": [os.path.join(frdeep, row["file"])],
            "sname": row["object_id"],
            "id": 0 if row["label"] == "FRI" else 1,
            "label": row["label"],
        })
lists["all"] = lists["train"] + lists["test"]
for name, data in lists.items():
    with open(name + ".json", "w") as f:
        json.dump({"data": data}, f, indent=1)
print(f"train {len(lists['train'])}, test {len(lists['test'])}, all {len(lists['all'])}",
      file=sys.stderr)
