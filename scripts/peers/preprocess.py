#!/usr/bin/python3
"""astropy / numpy / Pillow peer of `radioclr bench preprocess`: pre-processing throughput.

Debian packages (Debian 12): python3-astropy (5.2.1), python3-numpy (1.24), python3-pil
(Pillow 9.4). Run with the system Python, side by side with radioclr on the same machine and
the same FITS frames:

    ./radioclr bench preprocess --keep-frames bench-frames     # cuts, keeps and times the frames
    /usr/bin/python3 scripts/peers/preprocess.py bench-frames/hulk/frames/*.fits
    ./radioclr bench preprocess bench-frames/hulk/frames/*.fits  # again, on the kept files

The pre-processing is not re-implemented here: each frame goes through `preprocess()` of
radioclr-core/src/test/resources/preprocess/make_reference.py, the script that made the
reference values radioclr's pre-processing is tested against (astropy sigma_clip and
ZScaleInterval limits in float64, min-max, Pillow BILINEAR resize; see its docstring).
As in the bench, every cutout is read from disk (astropy.io.fits.getdata) inside the timed
loop and resized to --size (224) x --size; the workers cycle over the files, warm up for
--seconds / 2 and then count the cutouts finished during --seconds (default 5). Rows for
1, 2, 4, ... up to --threads (default: all cores) workers; Python's pre-processing holds the
GIL, so the workers are processes (forked), not threads.

Prints the bench's table: threads, cutouts, cutouts/s, speed-up over 1 worker.
"""
import argparse
import importlib.util
import multiprocessing as mp
import os
import time

import astropy
import numpy as np
import PIL
from astropy.io import fits

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(
    HERE, "..", "..", "radioclr-core", "src", "test", "resources", "preprocess", "make_reference.py"
)


def load_reference():
    spec = importlib.util.spec_from_file_location("make_reference", REFERENCE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REF = load_reference()


def worker(files, start, size, warm_until, stop_at, out):
    count = 0
    i = start
    while True:
        data = np.asarray(fits.getdata(files[i % len(files)]), dtype=np.float32)
        cube, _ = REF.preprocess(data, (size, size))
        i += 1
        now = time.monotonic()
        if now >= stop_at:
            break
        if now >= warm_until and cube.size:
            count += 1
    out.put(count)


def measure(files, workers, size, seconds):
    ctx = mp.get_context("fork")
    out = ctx.Queue()
    t0 = time.monotonic()
    warm_until = t0 + seconds / 2
    stop_at = warm_until + seconds
    procs = [
        ctx.Process(target=worker, args=(files, w, size, warm_until, stop_at, out))
        for w in range(workers)
    ]
    for p in procs:
        p.start()
    total = sum(out.get() for _ in procs)
    for p in procs:
        p.join()
    return total


def thread_counts(most):
    counts = []
    t = 1
    while t < most:
        counts.append(t)
        t *= 2
    counts.append(most)
    return counts


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("files", nargs="+", metavar="CUTOUT.fits")
    p.add_argument("--threads", type=int, default=os.cpu_count(), help="most worker processes")
    p.add_argument("--seconds", type=float, default=5.0)
    p.add_argument("--size", type=int, default=224)
    a = p.parse_args()
    shape = fits.getdata(a.files[0]).shape
    print(
        f"astropy {astropy.__version__} / numpy {np.__version__} / Pillow {PIL.__version__}:"
        f" pre-processing {len(a.files)} FITS cutouts read from disk, {shape[1]}x{shape[0]}"
        f" -> 3x{a.size}x{a.size}, {a.seconds:.0f} s per row"
    )
    print(f"{'threads':>8} {'cutouts':>10} {'cutouts/s':>12} {'speed-up':>9}")
    base = 0.0
    for t in thread_counts(a.threads):
        n = measure(a.files, t, a.size, a.seconds)
        rate = n / a.seconds
        base = base or rate
        print(f"{t:8d} {n:10d} {rate:12.1f} {rate / base if base else 0:8.2f}x", flush=True)


if __name__ == "__main__":
    main()
