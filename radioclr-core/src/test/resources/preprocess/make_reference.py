#!/usr/bin/python3
"""Reference values for radioclr's pre-processing (org.radioclr.core.preprocess).

Run with the system Python that has astropy 5.2.1, numpy 1.24 and Pillow 9.4:

    /usr/bin/python3 make_reference.py [--data /work/shared/data] [--full-out DIR]

It applies the paper's 3-channel pre-processing (Riggi et al., section 2.3) with the
same definitions as the Java code:

* valid pixels are finite and not exactly 0; statistics use valid pixels only, taken
  in row-major order, cast to float64;
* channel 1: astropy.stats.sigma_clip(axis=None, cenfunc='median', stdfunc='std',
  sigma_lower=5, sigma_upper=30, maxiters=5) bounds, values clamped to them;
  channels 2 and 3: astropy.visualization.ZScaleInterval(contrast=0.25 / 0.4)
  .get_limits() on the valid values, values clamped to them;
* each channel min-max normalised to [0, 1] over its valid pixels (a constant
  channel becomes 0), invalid pixels set to 0, then cast to float32;
* optional resize with PIL Image.fromarray(mode='F').resize((w, h), BILINEAR).

Written next to this script (committed; the Java tests read them, never this script):

* synthetic_a.fits, synthetic_b.fits: seeded float32 test images (noise + Gaussian
  sources + NaN / Inf / zero blanks);
* synthetic.json: per image the channel limits and the names of the expected outputs;
* synthetic_*.f32: full expected outputs, little-endian float32, [3][H][W];
* resize.json: PIL BILINEAR resize cases of a seeded float32 image;
* stages.json: sigma_clip bounds and zscale limits of seeded 1-D arrays, several parameter sets;
* real_reference.json: for 10 FIRST cutouts and two 256x256 ATCA frames (files read
  from --data, never copied): limits, per-channel min/max/mean/sum and 50 sampled
  pixels of the output, for the native size and 224x224.

With --full-out DIR it also writes the full real-data outputs there (not committed),
for a local full comparison.
"""
import argparse
import glob
import json
import os
import warnings

import numpy as np
from astropy.io import fits
from astropy.stats import sigma_clip
from astropy.visualization import ZScaleInterval
from PIL import Image

warnings.simplefilter("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))

CHANNELS = [
    {"type": "sigma_clip", "sigma_lower": 5.0, "sigma_upper": 30.0, "max_iterations": 5},
    {"type": "zscale", "contrast": 0.25},
    {"type": "zscale", "contrast": 0.4},
]


def valid_mask(data):
    return np.isfinite(data) & (data != 0)


def limits(values, recipe):
    if recipe["type"] == "sigma_clip":
        _, lo, hi = sigma_clip(
            values,
            sigma_lower=recipe["sigma_lower"],
            sigma_upper=recipe["sigma_upper"],
            maxiters=recipe["max_iterations"],
            cenfunc="median",
            stdfunc="std",
            axis=None,
            return_bounds=True,
        )
        return float(lo), float(hi)
    lo, hi = ZScaleInterval(
        n_samples=1000, contrast=recipe["contrast"], max_reject=0.5, min_npixels=5,
        krej=2.5, max_iterations=5,
    ).get_limits(values)
    return float(lo), float(hi)


def channel(data, mask, values, recipe):
    lo, hi = limits(values, recipe)
    x = np.clip(values, lo, hi)
    mn, mx = x.min(), x.max()
    out = (x - mn) / (mx - mn) if mx > mn else np.zeros_like(x)
    full = np.zeros(data.shape, dtype=np.float64)
    full[mask] = out
    return full.astype(np.float32), (lo, hi)


def resize(plane, width, height):
    return np.asarray(
        Image.fromarray(plane, mode="F").resize((width, height), Image.BILINEAR),
        dtype=np.float32,
    )


def preprocess(data, size=None, dtype=np.float64):
    """Returns ([3][H][W] float32 cube, [(lo, hi)] per channel)."""
    mask = valid_mask(data)
    values = data[mask].astype(dtype)
    planes, lims = [], []
    for recipe in CHANNELS:
        plane, lim = channel(data, mask, values, recipe)
        if size is not None:
            plane = resize(plane, size[0], size[1])
        planes.append(plane)
        lims.append(lim)
    return np.stack(planes), lims


def write_f32(path, cube):
    np.ascontiguousarray(cube, dtype="<f4").tofile(path)


def synthetic(seed, height, width):
    rng = np.random.default_rng(seed)
    img = rng.normal(0.0, 1e-4, (height, width))
    yy, xx = np.mgrid[0:height, 0:width]
    for _ in range(6):
        x0, y0 = rng.uniform(0, width), rng.uniform(0, height)
        s, amp = rng.uniform(1.0, 4.0), rng.uniform(5e-4, 2e-2)
        img += amp * np.exp(-((xx - x0) ** 2 + (yy - y0) ** 2) / (2 * s * s))
    img = img.astype(np.float32)
    img[: height // 8, : width // 5] = 0.0  # a blanked corner
    idx = rng.choice(height * width, size=height * width // 20, replace=False)
    img.flat[idx[: len(idx) // 2]] = np.nan
    img.flat[idx[len(idx) // 2 :: 2]] = np.inf
    img.flat[idx[len(idx) // 2 + 1 :: 2]] = -np.inf
    return img


def make_synthetic():
    out = {"note": "made by make_reference.py", "images": []}
    for name, seed, (h, w) in (("synthetic_a", 11, (64, 64)), ("synthetic_b", 22, (40, 52))):
        img = synthetic(seed, h, w)
        fits.PrimaryHDU(img).writeto(os.path.join(HERE, name + ".fits"), overwrite=True)
        entry = {"file": name + ".fits", "width": w, "height": h, "outputs": []}
        for size in (None, (40, 32), (96, 80)):
            cube, lims = preprocess(img, size)
            suffix = "native" if size is None else f"{size[0]}x{size[1]}"
            fname = f"{name}.{suffix}.f32"
            write_f32(os.path.join(HERE, fname), cube)
            entry["outputs"].append(
                {"file": fname, "width": cube.shape[2], "height": cube.shape[1], "resize": size is not None}
            )
            entry["limits"] = [list(lim) for lim in lims]
        entry["invalid_fraction"] = float(1 - valid_mask(img).mean())
        out["images"].append(entry)
    with open(os.path.join(HERE, "synthetic.json"), "w") as f:
        json.dump(out, f, indent=1)


def make_resize():
    rng = np.random.default_rng(7)
    w, h = 37, 29
    img = rng.normal(0, 1, (h, w)).astype(np.float32)
    cases = []
    for ow, oh in ((20, 15), (13, 29), (37, 50), (60, 45), (5, 4), (37, 29), (111, 10)):
        cases.append({"width": ow, "height": oh, "data": resize(img, ow, oh).ravel().tolist()})
    with open(os.path.join(HERE, "resize.json"), "w") as f:
        json.dump({"note": "PIL 9.4 Image.fromarray(mode='F').resize(BILINEAR); made by make_reference.py",
                   "width": w, "height": h, "input": img.ravel().tolist(), "cases": cases}, f)


def make_stages():
    """sigma_clip bounds and zscale limits of seeded 1-D float32 arrays (heavy tails, outliers)."""
    rng = np.random.default_rng(99)
    arrays = []
    for n in (7, 150, 1001, 3000):
        a = rng.standard_t(3, n) * 1e-3
        a[rng.choice(n, max(1, n // 50), replace=False)] += rng.uniform(0.01, 0.5, max(1, n // 50))
        a = a.astype(np.float32)
        v = a.astype(np.float64)
        sc = []
        for lo, hi, it in ((5.0, 30.0, 5), (3.0, 3.0, 5), (2.0, 1.5, 10), (3.0, 3.0, 1)):
            r = {"type": "sigma_clip", "sigma_lower": lo, "sigma_upper": hi, "max_iterations": it}
            sc.append({"params": r, "limits": list(limits(v, r))})
        zs = []
        for ns, c, mr, mn, kr, it in ((1000, 0.25, 0.5, 5, 2.5, 5), (1000, 0.4, 0.5, 5, 2.5, 5),
                                      (100, 1.0, 0.2, 3, 1.5, 3), (37, 0.1, 0.9, 5, 3.0, 5)):
            lo, hi = ZScaleInterval(n_samples=ns, contrast=c, max_reject=mr, min_npixels=mn,
                                    krej=kr, max_iterations=it).get_limits(v)
            zs.append({"params": {"n_samples": ns, "contrast": c, "max_reject": mr, "min_npixels": mn,
                                  "krej": kr, "max_iterations": it}, "limits": [float(lo), float(hi)]})
        arrays.append({"values": a.tolist(), "sigma_clip": sc, "zscale": zs})
    with open(os.path.join(HERE, "stages.json"), "w") as f:
        json.dump({"note": "astropy 5.2.1 on float64 casts of float32 values; made by make_reference.py",
                   "arrays": arrays}, f)


def real_inputs(data_dir):
    first = sorted(glob.glob(os.path.join(data_dir, "frdeep-first", "*.fits")))
    for path in first[::66][:10]:
        yield {"dataset": "frdeep-first", "file": os.path.basename(path), "x0": 0, "y0": 0,
               "width": 150, "height": 150}, fits.getdata(path)
    for name, x0, y0 in (("ScorpioExtendedSourceField.fits", 400, 300), ("ScorpioS17Field.fits", 600, 150)):
        data = fits.getdata(os.path.join(data_dir, "atca-scorpio", name))
        yield {"dataset": "atca-scorpio", "file": name, "x0": x0, "y0": y0, "width": 256,
               "height": 256}, data[y0 : y0 + 256, x0 : x0 + 256]


def make_real(data_dir, full_out):
    rng = np.random.default_rng(2024)
    result = {"note": "made by make_reference.py from " + data_dir, "images": []}
    worst32 = 0.0
    for meta, data in real_inputs(data_dir):
        data = np.asarray(data, dtype=np.float32)
        entry = dict(meta)
        for key, size in (("native", None), ("resized", (224, 224))):
            cube, lims = preprocess(data, size)
            cube32, _ = preprocess(data, size, dtype=np.float32)
            worst32 = max(worst32, float(np.abs(cube - cube32).max()))
            c, h, w = cube.shape
            pos = np.stack([rng.integers(0, c, 50), rng.integers(0, h, 50), rng.integers(0, w, 50)], 1)
            entry[key] = {
                "width": w, "height": h,
                "min": cube.reshape(c, -1).min(1).astype(float).tolist(),
                "max": cube.reshape(c, -1).max(1).astype(float).tolist(),
                "mean": cube.reshape(c, -1).astype(np.float64).mean(1).tolist(),
                "sum": cube.reshape(c, -1).astype(np.float64).sum(1).tolist(),
                "samples": [[int(a), int(b), int(d), float(cube[a, b, d])] for a, b, d in pos],
            }
            entry["limits"] = [list(lim) for lim in lims]
            if full_out:
                stem = meta["file"].replace(" ", "_").replace(".fits", "")
                write_f32(os.path.join(full_out, f"{stem}.{meta['x0']}.{meta['y0']}.{key}.f32"), cube)
        result["images"].append(entry)
    with open(os.path.join(HERE, "real_reference.json"), "w") as f:
        json.dump(result, f, indent=1)
    print("max |float64 path - float32-native astropy path| =", worst32)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="/work/shared/data")
    parser.add_argument("--full-out")
    args = parser.parse_args()
    if args.full_out:
        os.makedirs(args.full_out, exist_ok=True)
    make_synthetic()
    make_resize()
    make_stages()
    make_real(args.data, args.full_out)


if __name__ == "__main__":
    main()
