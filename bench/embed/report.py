#!/usr/bin/python3
"""Markdown table of bench/embed/run.sh's results: Java next to Python, per model and file."""
import json
import sys

import numpy as np


def main():
    out = sys.argv[1]
    print()
    print("| model | input | Java ms | Python ms | Java/Python | Java decode+resample ms (share) | Java model ms (share) "
          "| Python decode+resample ms (share) | cosine Java vs Python |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for model in ("fixture", "large"):
        j = json.load(open("%s/java-%s.json" % (out, model)))
        p = json.load(open("%s/python-%s.json" % (out, model)))
        for name, js in j["files"].items():
            ps = p["files"][name]
            a, b = np.array(js["embedding"]), np.array(ps["embedding"])
            cos = float(a @ b / np.linalg.norm(a) / np.linalg.norm(b))
            print("| %s | %s | %.1f | %.1f | %.2f | %.1f (%.0f %%) | %.1f (%.0f %%) | %.1f (%.0f %%) | %.6f |" % (
                model, name, js["total_ms"], ps["total_ms"], js["total_ms"] / ps["total_ms"],
                js["decode_ms"], 100 * js["decode_ms"] / js["total_ms"], js["embed_ms"], 100 * js["embed_ms"] / js["total_ms"],
                ps["decode_ms"], 100 * ps["decode_ms"] / ps["total_ms"], cos))
    print()
    print("| model | Java: fresh process load+probe+warm-up ms | Java: second load ms | Python: jit.load + one 3 s call ms |")
    print("|---|---:|---:|---:|")
    for model in ("fixture", "large"):
        j = json.load(open("%s/java-%s.json" % (out, model)))
        p = json.load(open("%s/python-%s.json" % (out, model)))
        print("| %s | %.0f (probe %d, warm-up %d) | %.0f | %.0f |" % (model, j["cold_load_ms"], j["cold_probe_ms"],
              j["cold_warmup_ms"], j["warm_engine_load_ms"], p["load_and_warmup_ms"]))


if __name__ == "__main__":
    main()
