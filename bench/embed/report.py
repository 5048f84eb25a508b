#!/usr/bin/python3
"""Markdown tables of bench/embed/run.sh's results: Java next to Python, per model and file, each figure
the median over the rounds of the per-round medians; the Java/Python ratio is also given per round."""
import glob
import json
import sys

import numpy as np


def rounds(out, side, model):
    return [json.load(open(f)) for f in sorted(glob.glob("%s/%s-%s-*.json" % (out, side, model)))]


def med(runs, name, key):
    return float(np.median([r["files"][name][key] for r in runs]))


def main():
    out = sys.argv[1]
    print()
    print("| model | input | Java ms | Python ms | Java/Python (per round) | Java decode+resample ms (share) "
          "| Java model ms (share) | Python decode+resample ms (share) | Python model ms | cosine Java vs Python |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for model in ("fixture", "standin"):
        js, ps = rounds(out, "java", model), rounds(out, "python", model)
        for name in js[0]["files"]:
            jt, pt = med(js, name, "total_ms"), med(ps, name, "total_ms")
            jd, je = med(js, name, "decode_ms"), med(js, name, "embed_ms")
            pd, pe = med(ps, name, "decode_ms"), med(ps, name, "embed_ms")
            per_round = ", ".join("%.2f" % (j["files"][name]["total_ms"] / p["files"][name]["total_ms"]) for j, p in zip(js, ps))
            a, b = np.array(js[0]["files"][name]["embedding"]), np.array(ps[0]["files"][name]["embedding"])
            cos = float(a @ b / np.linalg.norm(a) / np.linalg.norm(b))
            print("| %s | %s | %.1f | %.1f | %.2f (%s) | %.1f (%.0f %%) | %.1f (%.0f %%) | %.1f (%.0f %%) | %.1f | %.6f |" % (
                model, name, jt, pt, jt / pt, per_round, jd, 100 * jd / jt, je, 100 * je / jt, pd, 100 * pd / pt, pe, cos))
    print()
    print("| model | Java: fresh process, first load ms (probe calls) | Java: second load in the process ms "
          "| Python: jit.load + one 3 s call ms | Java fresh / Python |")
    print("|---|---:|---:|---:|---:|")
    for model in ("fixture", "standin"):
        js, ps = rounds(out, "java", model), rounds(out, "python", model)
        cold = float(np.median([j["cold_load_ms"] for j in js]))
        py = float(np.median([p["load_and_warmup_ms"] for p in ps]))
        print("| %s | %.0f (%d) | %.0f | %.0f | %.1f |" % (
            model, cold, int(np.median([j["cold_probe_calls"] for j in js])),
            float(np.median([j["warm_engine_load_ms"] for j in js])), py, cold / py))
    print("(threads: Java %s, Python %s; torch %s in Python, libtorch 2.1.1 in Java)" % (
        rounds(out, "java", "fixture")[0]["threads"], rounds(out, "python", "fixture")[0]["threads"],
        rounds(out, "python", "fixture")[0]["torch"]))


if __name__ == "__main__":
    main()
