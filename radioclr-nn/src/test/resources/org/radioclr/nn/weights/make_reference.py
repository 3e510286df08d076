"""Writes reference.safetensors and reference-expected.tsv for SafetensorsTest.

Run with /usr/bin/python3 (numpy only, no torch) from this folder:
    /usr/bin/python3 make_reference.py
The file is laid out by hand following the safetensors specification: u64 little-endian header
length, JSON header (sorted keys, padded with spaces to a multiple of 8 bytes, as the reference
implementation does), then the little-endian tensor bytes. numpy has no bfloat16, so BF16 is the
upper 16 bits of float32 rounded to nearest even, as torch does.
"""
import json
import struct

import numpy as np

rng = np.random.default_rng(20261126)
f32 = (rng.standard_normal((2, 3, 2)) * 3).astype("<f4")
f16 = np.array([0.1, -65504.0, 6.1e-5, 1.0 / 3.0, 5.96e-8], dtype="<f2")
src = (rng.standard_normal(5) * 100).astype("<f4")
bits = src.view("<u4").astype(np.uint64)
bf16 = ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16).astype("<u2")
f64 = np.array([[np.pi, -1e-3]], dtype="<f8")
i64 = np.array(1234, dtype="<i8")

tensors = {
    "layer.weight": ("F32", f32, f32.astype(np.float32)),
    "half": ("F16", f16, f16.astype(np.float32)),
    "bfloat": ("BF16", bf16, (bf16.astype(np.uint32) << 16).view(np.float32)),
    "double": ("F64", f64, f64.astype(np.float32)),
    "bn.num_batches_tracked": ("I64", i64, i64.astype(np.float32)),
}
header = {"__metadata__": {"format": "np", "made_by": "make_reference.py"}}
data = b""
for name in sorted(tensors):
    dtype, arr, _ = tensors[name]
    raw = arr.tobytes()
    header[name] = {
        "dtype": dtype,
        "shape": list(arr.shape),
        "data_offsets": [len(data), len(data) + len(raw)],
    }
    data += raw
js = json.dumps(header, separators=(",", ":"), sort_keys=True).encode("utf-8")
js += b" " * (-len(js) % 8)
with open("reference.safetensors", "wb") as f:
    f.write(struct.pack("<Q", len(js)) + js + data)

with open("reference-expected.tsv", "w") as f:
    f.write("# name\tdtype\tshape\tvalues as float32 (row-major)\n")
    for name in sorted(tensors):
        dtype, arr, as_float = tensors[name]
        values = ",".join(repr(float(v)) for v in np.ravel(as_float))
        shape = ",".join(str(d) for d in arr.shape)
        f.write(f"{name}\t{dtype}\t{shape}\t{values}\n")
