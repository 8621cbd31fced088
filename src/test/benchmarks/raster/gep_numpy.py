#!/usr/bin/env python3
"""The raster GEP kernel's formulas in numpy, on the arrays RasterBenchmark writes (raw little-endian).

Usage: gep_numpy.py FOLDER [REPEATS]. FOLDER holds config.json and one .bin file per layer. Prints a JSON
object with the best compute time per mode (loading excluded) and the zone x type sums, in the field order
of org.gongjian.ecology.engine.PixelKernel: count, P, ET, R*K*LS, R*K*LS*C*P, NPP, water (P - ET - alpha*P).
"""
import json
import sys
import time

import numpy as np


def load(folder, name, dtype):
    return np.fromfile(f"{folder}/{name}.bin", dtype=dtype)


def sums(cfg, cover, zone, p, et, r, k, ls, c, pp, npp):
    type_of_class = np.asarray(cfg["typeOfClass"], dtype=np.int64)
    alpha = np.asarray(cfg["alpha"], dtype=np.float64)
    types = len(alpha)
    groups = cfg["zones"] * types
    t = np.where((cover >= 0) & (cover < len(type_of_class)), type_of_class[np.clip(cover, 0, len(type_of_class) - 1)], -1)
    rkls = r.astype(np.float64) * k * ls
    cp = c.astype(np.float64) * pp
    npp = npp.astype(np.float64)
    p = p.astype(np.float64)
    ok = (t >= 0) & (zone >= 0) & (zone < cfg["zones"])
    ok &= ~np.isnan(p + et + rkls + cp + npp)
    tt = t[ok]
    g = zone[ok].astype(np.int64) * types + tt
    pv = p[ok]
    etv = et[ok]
    rv = rkls[ok]
    fields = [np.ones(g.size), pv, etv, rv, rv * cp[ok], npp[ok], pv - etv - alpha[tt] * pv]
    return [np.bincount(g, weights=w, minlength=groups) for w in fields]


def budyko(cfg, cover, p, eto, depth, pawc):
    kc = np.asarray(cfg["kc"], dtype=np.float64)
    root = np.asarray(cfg["rootDepth"], dtype=np.float64)
    c = np.clip(cover, 0, len(kc) - 1)
    p = p.astype(np.float64)
    with np.errstate(all="ignore"):
        phi = kc[c] * eto / p
        awc = np.minimum(root[c], depth) * pawc
        omega = np.minimum(5.0, cfg["z"] * awc / p + 1.25)
        aetp = 1 + phi - np.power(1 + np.power(phi, omega), 1 / omega)
        return np.minimum(phi, aetp) * p


def main():
    folder = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with open(f"{folder}/config.json", encoding="utf-8") as f:
        cfg = json.load(f)
    cover = load(folder, "cover", "<i4")
    zone = load(folder, "zone", "<i4")
    layers = {n: load(folder, n, "<f4") for n in ["p", "aet", "eto", "depth", "pawc", "r", "k", "ls", "c", "pp", "npp"]}
    out = {}
    for mode in ["actualEt", "budyko"]:
        best = None
        result = None
        for _ in range(repeats):
            start = time.perf_counter()
            with np.errstate(all="ignore"):
                et = (layers["aet"].astype(np.float64) if mode == "actualEt"
                      else budyko(cfg, cover, layers["p"], layers["eto"], layers["depth"], layers["pawc"]))
                result = sums(cfg, cover, zone, layers["p"], et, layers["r"], layers["k"], layers["ls"], layers["c"],
                              layers["pp"], layers["npp"])
            elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
        out[mode] = {"seconds": best, "sums": [list(map(float, f)) for f in result]}
    out["numpy"] = np.__version__
    print(json.dumps(out))


if __name__ == "__main__":
    main()
