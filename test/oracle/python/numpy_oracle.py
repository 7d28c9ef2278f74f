"""NumPy oracle (any NumPy ≥ 1.24): str() of arrays and scalars, and the generators, JSON in and out.

Input  {"prints": [{"key", "dtype": "float32"|"float64", "x": [bits], "shape"}],
        "generators": [{"key", "fn": "arange"|"linspace", "args": [...], "kwargs": {...}, "dtype"}]}
float32 values travel as uint32 bit patterns, float64 values as pairs [low, high] of uint32 words.
Output {"numpy": version, "prints": {key: text}, "generators": {key: {"x": bits, "shape"} | {"error"}}}
"""
import json
import sys

import numpy as np


def from_bits(item):
    if item["dtype"] == "float32":
        a = np.array(item["x"], dtype=np.uint32).view(np.float32)
    else:
        a = np.array(item["x"], dtype=np.uint32).reshape(-1, 2).copy().view(np.float64).reshape(-1)
    return a.reshape(item["shape"])


def to_bits(a):
    if a.dtype == np.float32:
        return a.reshape(-1).view(np.uint32).tolist()
    return np.ascontiguousarray(a.astype(np.float64)).reshape(-1).view(np.uint32).tolist()


def main():
    req = json.load(sys.stdin)
    out = {"numpy": np.__version__, "prints": {}, "generators": {}}
    for item in req.get("prints", []):
        a = from_bits(item)
        out["prints"][item["key"]] = str(a) if a.ndim > 0 else str(a[()])
    for g in req.get("generators", []):
        try:
            fn = getattr(np, g["fn"])
            a = fn(*g["args"], dtype=g["dtype"], **g.get("kwargs", {}))
            out["generators"][g["key"]] = {"x": to_bits(a), "shape": list(a.shape), "dtype": str(a.dtype)}
        except Exception as e:
            out["generators"][g["key"]] = {"error": "%s: %s" % (type(e).__name__, e)}
    json.dump(out, sys.stdout)


main()
