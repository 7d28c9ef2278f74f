"""PyTorch oracle: one process per test run, JSON on stdin, JSON on stdout.

Input  {"tasks": [{"key", "op", "params", "x": [float32 bit patterns], "shape"}],
        "prints": [{"key", "x": [float32 bits], "shape"}]}
Output {"torch": version, "numpy": version, "results": {key: {"y", "dy": [bits], "str", "dstr"}},
        "prints": {key: str(tensor)}}
Values travel as uint32 bit patterns so that -0, NaN, infinities and denormals survive JSON unchanged.
"""
import json
import sys

import numpy as np
import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def from_bits(bits, shape):
    return torch.from_numpy(np.array(bits, dtype=np.uint32).view(np.float32).reshape(shape).copy())


def to_bits(t):
    return t.detach().contiguous().numpy().astype(np.float32).view(np.uint32).reshape(-1).tolist()


def elementwise(op, p):
    """The PyTorch call the core's activation id names (parameters as the core names them)."""
    if op == "sigmoid":
        return torch.sigmoid
    if op == "tanh":
        return torch.tanh
    if op == "relu":
        return F.relu
    if op == "leaky_relu":
        return lambda x: F.leaky_relu(x, p["alpha"])
    if op == "elu":
        return lambda x: F.elu(x, p["alpha"])
    if op == "relu6":
        return F.relu6
    if op == "selu":
        return F.selu
    if op == "celu":
        return lambda x: F.celu(x, p["alpha"])
    if op == "gelu":
        return F.gelu
    if op == "gelu_tanh":
        return lambda x: F.gelu(x, approximate="tanh")
    if op == "silu":
        if p["beta"] == 1:
            return F.silu
        return lambda x: x * torch.sigmoid(p["beta"] * x)
    if op == "mish":
        return F.mish
    if op == "softplus":
        return lambda x: F.softplus(x, p["beta"], p["threshold"])
    if op == "softsign":
        return F.softsign
    if op == "hard_sigmoid":
        if abs(p["slope"] - 1 / 6) < 1e-15:
            return F.hardsigmoid
        # Keras 2's clip(slope·x + 0.5, 0, 1), written with torch ops
        return lambda x: torch.clamp(p["slope"] * x + 0.5, 0.0, 1.0)
    if op == "hard_swish":
        return F.hardswish
    if op == "exponential":
        return torch.exp
    if op == "log_sigmoid":
        return F.logsigmoid
    if op == "prelu":
        return lambda x: F.prelu(x, torch.tensor([p["alpha"]], dtype=torch.float32))
    raise ValueError("unknown op " + op)


def run_task(t):
    op, p = t["op"], t.get("params", {})
    x = from_bits(t["x"], t["shape"])
    if op in ("softmax", "log_softmax"):
        f = (lambda v: F.softmax(v, dim=-1)) if op == "softmax" else (lambda v: F.log_softmax(v, dim=-1))
        y = f(x)
        # The core's derivative of softmax is the Jacobian diagonal, row by row.
        rows = x.reshape(-1, x.shape[-1])
        diag = []
        for r in rows:
            j = torch.autograd.functional.jacobian(f, r.clone())
            diag.append(torch.diagonal(j))
        dy = torch.stack(diag).reshape(x.shape)
    else:
        f = elementwise(op, p)
        xr = x.clone().requires_grad_(True)
        y = f(xr)
        y.backward(torch.ones_like(y))
        dy = xr.grad
        y = y.detach()
    return {"y": to_bits(y), "dy": to_bits(dy), "str": str(y), "dstr": str(dy)}


def main():
    req = json.load(sys.stdin)
    out = {"torch": torch.__version__, "numpy": np.__version__, "results": {}, "prints": {}}
    for t in req.get("tasks", []):
        try:
            out["results"][t["key"]] = run_task(t)
        except Exception as e:  # reported per case, never a crash of the whole batch
            out["results"][t["key"]] = {"error": "%s: %s" % (type(e).__name__, e)}
    for pr in req.get("prints", []):
        out["prints"][pr["key"]] = str(from_bits(pr["x"], pr["shape"]))
    json.dump(out, sys.stdout)


main()
