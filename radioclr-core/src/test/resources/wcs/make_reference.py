#!/usr/bin/python3
"""Writes the WCS reference vectors used by the Java tests in org.radioclr.core.wcs.

Run with the system Python that has astropy 5.2.1 (wcslib 7.12 inside):

    /usr/bin/python3 make_reference.py [--real ../../../../../shared/data]

Outputs (next to this script):
  wcs_cases.json    synthetic headers (FITS card images) with pixel->sky and sky->pixel vectors
  frames.csv        ICRS, FK5 (J2000) and Galactic coordinates of the same sky positions
  real_data.json    corners and centre of a few real maps (only with --real; the maps themselves
                    are not copied)

Pixel coordinates are 0-based (astropy origin 0). Values outside a projection's domain are
written as null (astropy returns NaN for them).
"""
import argparse
import json
import math
import os
import warnings

import numpy as np
from astropy import log
from astropy import units as u
from astropy.coordinates import FK5, ICRS, Galactic, SkyCoord
from astropy.io import fits
from astropy.wcs import WCS, FITSFixedWarning
from astropy.wcs.utils import proj_plane_pixel_scales, wcs_to_celestial_frame

warnings.simplefilter("ignore", FITSFixedWarning)
log.setLevel("ERROR")
HERE = os.path.dirname(os.path.abspath(__file__))
RNG = np.random.default_rng(20240611)


def header(naxis1, naxis2, cards):
    h = fits.Header()
    h["NAXIS"] = 2
    h["NAXIS1"] = naxis1
    h["NAXIS2"] = naxis2
    for k, v in cards:
        h[k] = v
    return h


def num(v):
    v = float(v)
    return None if math.isnan(v) else v


def frame_name(w):
    f = wcs_to_celestial_frame(w)
    if isinstance(f, Galactic):
        return "GALACTIC"
    if isinstance(f, FK5):
        assert abs(f.equinox.jyear - 2000.0) < 1e-9
        return "FK5"
    if isinstance(f, ICRS):
        return "ICRS"
    raise ValueError(f"unexpected frame {f}")


def case(name, naxis1, naxis2, cards, extra_pix=(), extra_sky=(), spread=0.2):
    h = header(naxis1, naxis2, cards)
    w = WCS(h, naxis=2)
    corners = [(0, 0), (naxis1 - 1, 0), (0, naxis2 - 1), (naxis1 - 1, naxis2 - 1),
               ((naxis1 - 1) / 2, (naxis2 - 1) / 2), (w.wcs.crpix[0] - 1, w.wcs.crpix[1] - 1)]
    lo, hi = -spread, 1 + spread
    rand = [(RNG.uniform(lo, hi) * naxis1, RNG.uniform(lo, hi) * naxis2) for _ in range(30)]
    pix = np.array(corners + rand + list(extra_pix), dtype=float)
    # Sky values are always written (lon, lat); wcslib's world axis order follows the CTYPEs.
    order = [w.wcs.lng, w.wcs.lat]
    sky = w.wcs_pix2world(pix, 0)[:, order]
    # Reverse direction: sky positions near the forward ones (perturbed, so not a plain round
    # trip of the forward set) plus explicit ones, mapped back by astropy.
    good = sky[np.all(np.isfinite(sky), axis=1)]
    scale = proj_plane_pixel_scales(w)
    pert = good[:30] + RNG.normal(0, 3 * scale.mean(), size=(min(30, len(good)), 2))
    pert[:, 1] = np.clip(pert[:, 1], -89.999, 89.999)
    sky_in = np.vstack([pert] + ([np.array(extra_sky, dtype=float)] if extra_sky else []))
    pix_out = w.wcs_world2pix(sky_in[:, np.argsort(order)], 0)
    item = {
        "name": name,
        "cards": [c.image for c in h.cards],
        "projection": w.wcs.ctype[0][5:8] if not name.startswith("ncp") else "NCP",
        "frame": frame_name(w),
        "pixel_scale_deg": [float(s) for s in scale],
        "pix": [[float(a), float(b)] for a, b in pix],
        "sky": [[num(a), num(b)] for a, b in sky],
        "sky_in": [[float(a), float(b)] for a, b in sky_in],
        "pix_out": [[num(a), num(b)] for a, b in pix_out],
    }
    if item["frame"] != "ICRS":
        # The same positions given in ICRS, through astropy's high-level API (frame conversion
        # then projection).
        native = SkyCoord(sky_in[:, 0] * u.deg, sky_in[:, 1] * u.deg,
                          frame=wcs_to_celestial_frame(w))
        icrs = native.icrs
        px, py = w.world_to_pixel(icrs)
        item["icrs_in"] = [[float(a), float(b)] for a, b in zip(icrs.ra.deg, icrs.dec.deg)]
        item["pix_from_icrs"] = [[num(a), num(b)] for a, b in zip(px, py)]
    return item


def eq(ctype_lon="RA---", ctype_lat="DEC--"):
    return ctype_lon, ctype_lat


def basic(code, crval, crpix, cdelt, extra=(), lon="RA---", lat="DEC--"):
    return [("CTYPE1", lon + code), ("CTYPE2", lat + code), ("CRVAL1", crval[0]),
            ("CRVAL2", crval[1]), ("CRPIX1", crpix[0]), ("CRPIX2", crpix[1]),
            ("CDELT1", cdelt[0]), ("CDELT2", cdelt[1])] + list(extra)


def synthetic_cases():
    cases = []
    fk5 = [("RADESYS", "FK5"), ("EQUINOX", 2000.0)]
    # FIRST-like TAN cutout, CDELT form.
    cases.append(case("tan_first_like", 150, 150,
                      basic("TAN", (121.38, 24.1726), (75.5, 75.5), (-0.0005, 0.0005), fk5)))
    # Wide TAN field with CROTA2 (old AIPS form), southern, ICRS by default.
    cases.append(case("tan_crota2_south", 200, 180,
                      basic("TAN", (200.0, -45.0), (90.0, 100.5), (-0.05, 0.06),
                            [("CROTA2", 30.0)]),
                      extra_sky=[(20.0, 45.0), (200.0, 40.0)]))
    # PC matrix with shear and CDELT; EQUINOX alone means FK5.
    cases.append(case("sin_pc_matrix", 256, 256,
                      basic("SIN", (83.63, 22.01), (128.0, 129.0), (-0.1, 0.1),
                            [("PC1_1", 0.9), ("PC1_2", -0.3), ("PC2_1", 0.25), ("PC2_2", 1.1),
                             ("EQUINOX", 2000.0)]),
                      extra_pix=[(128 + 700, 129), (-600, -600)],
                      extra_sky=[(263.63, -22.01), (83.63 + 100, 22.01)]))
    # CD matrix form (CDELT absent), RADESYS ICRS.
    cases.append(case("tan_cd_matrix", 300, 200,
                      [("CTYPE1", "RA---TAN"), ("CTYPE2", "DEC--TAN"), ("CRVAL1", 10.6847),
                       ("CRVAL2", 41.2690), ("CRPIX1", 151.0), ("CRPIX2", 99.0),
                       ("CD1_1", -2.0e-3), ("CD1_2", 7.0e-4), ("CD2_1", 5.0e-4),
                       ("CD2_2", 1.8e-3), ("RADESYS", "ICRS")]))
    # PC overrides CROTA2 when both are present.
    cases.append(case("arc_pc_and_crota2", 100, 100,
                      basic("ARC", (150.0, 2.2), (50.5, 50.5), (-0.5, 0.5),
                            [("PC1_1", 0.8), ("PC1_2", 0.6), ("PC2_1", -0.6), ("PC2_2", 0.8),
                             ("CROTA2", 45.0)])))
    # Orthographic SIN, wide enough to cross the horizon.
    cases.append(case("sin_wide_horizon", 200, 200,
                      basic("SIN", (30.0, 60.0), (100.5, 100.5), (-0.35, 0.35), fk5),
                      spread=0.1, extra_pix=[(100, 0), (100.5 + 170, 100.5), (100.5 + 160, 100.5)],
                      extra_sky=[(210.0, -60.0), (210.0, 10.0)]))
    # Slant SIN (synthesis projection) with PV2_1, PV2_2.
    cases.append(case("sin_slant_pv", 200, 200,
                      basic("SIN", (266.4, -28.9), (100.0, 100.0), (-0.3, 0.3),
                            [("PV2_1", 0.1), ("PV2_2", -0.25)]),
                      extra_sky=[(86.4, 28.9)]))
    # NCP with the ATCA SCORPIO header values (4-axis description, NAXIS=2, EPOCH only).
    atca = [("CRPIX1", 3428.0), ("CDELT1", -4.16666682546e-04), ("CRVAL1", 2.55449637133e+02),
            ("CTYPE1", "RA---NCP"), ("CRPIX2", 3847.0), ("CDELT2", 4.16666682546e-04),
            ("CRVAL2", -4.18624876175e+01), ("CTYPE2", "DEC--NCP"), ("CRPIX3", 1.0),
            ("CDELT3", 9.99999971718e+05), ("CRVAL3", 1.44746065140e+09), ("CTYPE3", "FREQ-LSR"),
            ("CRPIX4", 1.0), ("CDELT4", 1.0), ("CRVAL4", 1.0), ("CTYPE4", "STOKES"),
            ("EPOCH", 2000.0)]
    cases.append(case("ncp_atca", 1000, 1000, atca))
    # Wide NCP in the north, crossing its horizon.
    cases.append(case("ncp_north_wide", 200, 200,
                      basic("NCP", (120.0, 55.0), (100.5, 100.5), (-0.3, 0.3)),
                      extra_pix=[(100, -200), (100, 300)]))
    # ARC at the north pole region.
    cases.append(case("arc_near_pole", 200, 200,
                      basic("ARC", (45.0, 89.5), (100.5, 100.5), (-0.02, 0.02))))
    # STG southern.
    cases.append(case("stg_south", 200, 200,
                      basic("STG", (300.0, -70.0), (100.5, 100.5), (-0.4, 0.4), fk5),
                      extra_sky=[(120.0, 70.0)]))
    # ZEA near the south pole, CRVAL1 near 0.
    cases.append(case("zea_south_pole", 200, 200,
                      basic("ZEA", (359.5, -89.9), (100.5, 100.5), (-0.5, 0.5)),
                      extra_pix=[(100.5 + 240, 100.5)]))
    # TAN exactly at the pole, and TAN with explicit LONPOLE.
    cases.append(case("tan_at_pole", 100, 100,
                      basic("TAN", (0.0, 90.0), (50.5, 50.5), (-0.01, 0.01))))
    cases.append(case("tan_lonpole", 120, 120,
                      basic("TAN", (33.0, -12.0), (60.0, 61.0), (-0.02, 0.02),
                            [("LONPOLE", 150.0)])))
    # CAR all-sky on the equator (x beyond +-180 is outside the domain).
    cases.append(case("car_allsky_equator", 360, 180,
                      basic("CAR", (180.0, 0.0), (180.5, 90.5), (-1.0, 1.0)),
                      spread=0.1))
    # CAR with CRVAL off the equator (general rotation), default LATPOLE and LATPOLE=-90.
    cases.append(case("car_offequator", 200, 150,
                      basic("CAR", (45.0, 30.0), (100.5, 75.5), (-0.25, 0.25))))
    cases.append(case("car_latpole_south", 200, 150,
                      basic("CAR", (45.0, 30.0), (100.5, 75.5), (-0.25, 0.25),
                            [("LATPOLE", -90.0)])))
    cases.append(case("car_south_crval", 200, 150,
                      basic("CAR", (300.0, -50.0), (100.5, 75.5), (-0.25, 0.25), fk5)))
    # AIT Galactic all-sky, and AIT off the equator in RA/Dec.
    cases.append(case("ait_galactic_allsky", 360, 180,
                      basic("AIT", (0.0, 0.0), (180.5, 90.5), (-0.9, 0.9),
                            lon="GLON-", lat="GLAT-"),
                      spread=0.0, extra_pix=[(0, 90), (359, 90), (180, 0)]))
    cases.append(case("ait_offequator", 200, 200,
                      basic("AIT", (266.4, -28.9), (100.5, 100.5), (-0.5, 0.5))))
    # Galactic TAN at the Galactic centre.
    cases.append(case("tan_galactic", 100, 100,
                      basic("TAN", (0.0, 0.0), (50.5, 50.5), (-0.01, 0.01),
                            lon="GLON-", lat="GLAT-")))
    # Latitude axis first.
    cases.append(case("tan_swapped_axes", 120, 100,
                      [("CTYPE1", "DEC--TAN"), ("CTYPE2", "RA---TAN"), ("CRVAL1", -30.0),
                       ("CRVAL2", 150.0), ("CRPIX1", 60.0), ("CRPIX2", 50.0),
                       ("CDELT1", 0.01), ("CDELT2", 0.012)]))
    # Angles in arcsec (CUNIT).
    cases.append(case("zea_cunit_arcsec", 100, 100,
                      basic("ZEA", (36000.0, 72000.0), (50.5, 50.5), (-36.0, 36.0),
                            [("CUNIT1", "arcsec"), ("CUNIT2", "arcsec")])))
    return cases


def frames():
    rows = []
    ra = list(RNG.uniform(0, 360, 60))
    dec = list(np.degrees(np.arcsin(RNG.uniform(-1, 1, 60))))
    ra += [0.0, 0.0, 90.0, 266.4049882865447, 192.8594812065348, 12.0]
    dec += [89.99, -89.99, 0.0, -28.93617776179147, 27.12825118085622, 0.0]
    c = SkyCoord(ra=ra * u.deg, dec=dec * u.deg, frame="icrs")
    f = c.transform_to(FK5(equinox="J2000"))
    g = c.transform_to(Galactic())
    for i in range(len(ra)):
        rows.append("%.15f,%.15f,%.15f,%.15f,%.15f,%.15f" % (
            c.ra.deg[i], c.dec.deg[i], f.ra.deg[i], f.dec.deg[i], g.l.deg[i], g.b.deg[i]))
    return "icrs_ra,icrs_dec,fk5_ra,fk5_dec,gal_l,gal_b\n" + "\n".join(rows) + "\n"


def real_data(root):
    out = []
    files = [("atca-scorpio", n) for n in ("ScorpioExtendedSourceField.fits",
                                           "ScorpioFaintSNRField.fits", "ScorpioS17Field.fits")]
    files += [("frdeep-first", n) for n in ("3C 192_II.fits", "M87_I.fits",
                                            "4C -00.54_II.fits", "SDSS J002900.98-011341.7_I.fits",
                                            "TXS 1554+144_II.fits")]
    for folder, name in files:
        path = os.path.join(root, folder, name)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            h = fits.getheader(path)
        w = WCS(h).celestial
        n1, n2 = h["NAXIS1"], h["NAXIS2"]
        pix = np.array([(0, 0), (n1 - 1, 0), (0, n2 - 1), (n1 - 1, n2 - 1),
                        ((n1 - 1) / 2, (n2 - 1) / 2)], dtype=float)
        sky = w.wcs_pix2world(pix, 0)
        back = w.wcs_world2pix(sky, 0)
        out.append({"folder": folder, "file": name, "frame": frame_name(w),
                    "projection": h["CTYPE1"][5:8],
                    "pixel_scale_deg": [float(s) for s in proj_plane_pixel_scales(w)],
                    "pix": pix.tolist(), "sky": sky.tolist(), "pix_back": back.tolist()})
    return out


def write_json(f, generator, key, items):
    """One item per line: small diffs, still plain JSON."""
    f.write('{"generator": %s,\n "%s": [\n' % (json.dumps(generator), key))
    f.write(",\n".join("  " + json.dumps(item, separators=(",", ":")) for item in items))
    f.write("\n ]\n}\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--real", help="the shared/data folder holding atca-scorpio/ and frdeep-first/")
    args = ap.parse_args()
    with open(os.path.join(HERE, "wcs_cases.json"), "w") as f:
        write_json(f, "astropy 5.2.1 astropy.wcs.WCS (wcslib), origin 0", "cases",
                   synthetic_cases())
    with open(os.path.join(HERE, "frames.csv"), "w") as f:
        f.write(frames())
    if args.real:
        with open(os.path.join(HERE, "real_data.json"), "w") as f:
            write_json(f, "astropy 5.2.1 WCS(header).celestial, origin 0", "files",
                       real_data(args.real))


if __name__ == "__main__":
    main()
