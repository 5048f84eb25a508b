#!/usr/bin/python3
"""Whole-process figures of Voxprint with an ECAPA2-sized model, next to Python in the same run.

Every measurement is a fresh process timed from launch to exit, with its peak RSS (/usr/bin/time %M);
Java and Python alternate within each round, so load from elsewhere hits both sides. Each Java run
gets a fresh database (a copy of the enrolled template, or a new file), so no embedding ever comes
from the embedding cache. What a load learns about the model file is kept in FACTS (XDG_CACHE_HOME)
as a user's second run would have it, except in the 'new model file' rows.

Usage: run.py MODEL AUDIO_DIR OUT_DIR [--rounds R] [--busy] [--variants] [--quick] [--files N] [--launcher PATH]
              [--no-tune]
  (first runs 'voxprint model tune' once, as a user would; --no-tune leaves it out)
  --files     how many of AUDIO_DIR's many-NN.wav the many-files rows embed (default 8, 4 with --quick): the
              steady state is measured over N - 1 intervals, so a larger N gives a steadier figure
  --busy      keep one core busy with another process (a Python spin loop) during every measurement
  --launcher  also time the one-shot embed through an installed launcher (bin/voxprint of the app image)
  --variants  also time the one-shot embed under other JVM and OpenMP settings (to choose them), and
              many files with all cores on one call against one thread per call and a call per core
              (py_inflight.py: the same libtorch kernels, to choose FilePipeline's arrangement)
"""
import argparse
import glob
import json
import os
import shutil
import statistics as st
import subprocess
import sys
import tempfile
import time
import uuid

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
PY = "/usr/bin/python3"


def loadavg():
    return " ".join(open("/proc/loadavg").read().split()[:3])


class Runner:
    def __init__(self, out, model):
        self.out = out
        self.model = model
        self.cache = os.path.abspath(os.path.join(out, "cache"))
        self.jar = "target/voxprint.jar"
        self.base_env = dict(os.environ, DJL_OFFLINE="true", HF_HUB_OFFLINE="1", XDG_CACHE_HOME=self.cache)
        # Python gets the same OpenMP wait policy Voxprint sets for itself (with libgomp's spinning default
        # a Python call under contention took many times longer; see docs/performance.md)
        self.python_env = dict(self.base_env, OMP_WAIT_POLICY="PASSIVE")
        # Voxprint also sets glibc's allocator for large tensors (model/AllocatorTuning); these rows give
        # Python the same two settings, through the environment variables glibc reads at start
        self.python_alloc_env = dict(self.python_env, MALLOC_MMAP_THRESHOLD_=str(32 * 1024 * 1024),
                                     MALLOC_TRIM_THRESHOLD_=str(2 ** 31 - 1))

    def timed(self, cmd, env=None):
        """(wall seconds, peak RSS MB, [(seconds since start, stdout line)])"""
        rss_file = os.path.join(self.out, "rss.txt")
        err_file = os.path.join(self.out, "stderr.txt")
        start = time.perf_counter()
        # stderr to a file: read through a pipe only at the end, a chatty process would block on a full pipe
        with open(err_file, "w") as err_out:
            p = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss_file] + cmd, stdout=subprocess.PIPE,
                                 stderr=err_out, text=True, env=env or self.base_env)
            lines = []
            for line in p.stdout:
                lines.append((time.perf_counter() - start, line.rstrip("\n")))
            p.wait()
        err = open(err_file).read()
        wall = time.perf_counter() - start
        if p.returncode not in (0, 1):
            raise SystemExit("failed (%d): %s\n%s" % (p.returncode, " ".join(cmd), err[-3000:]))
        rss_mb = int(open(rss_file).read().split()[-1]) / 1024
        return wall, rss_mb, lines

    def python(self, args):
        return self.timed([PY] + args, self.python_env)

    def java(self, args, opts=(), env=None):
        return ["java"] + list(opts) + ["-jar", self.jar] + list(args)

    def fresh_db(self, template=None):
        db = os.path.join(self.out, "db", "run-%s.db" % uuid.uuid4().hex[:8])
        os.makedirs(os.path.dirname(db), exist_ok=True)
        if template:
            shutil.copy(template, db)
        return db


def agreement(java, python):
    """Largest difference between the embeddings both printed: a ratio of times means nothing if the two
    computed different things (oneDNN's wrong convolutions on some processors, docs/model.md)."""
    first = lambda res: np.array(json.loads(res[2][0][1])["embedding"], dtype=np.float64)
    diff = float(np.max(np.abs(first(java) - first(python))))
    if not diff <= 1e-3:
        raise SystemExit("Voxprint's embedding differs from Python's by %.4g; the times would compare different work" % diff)
    return diff


def libtorch_version():
    """The libtorch Voxprint runs (its pytorch-native-cpu jar in target/lib)."""
    for jar in glob.glob("target/lib/pytorch-native-cpu-*-linux-x86_64.jar"):
        return os.path.basename(jar)[len("pytorch-native-cpu-"):-len("-linux-x86_64.jar")]
    return None


def onednn_limit(cache):
    """The instruction set Voxprint starts oneDNN under on this processor and the libtorch it runs now
    (docs/model.md), or None for oneDNN's own choice: the convolution check's record first, then the one
    'voxprint model tune' kept; records made under another libtorch do not apply."""
    version = libtorch_version()
    for kind, field in (("processor", "onednnMaxCpuIsa"), ("speed", "fastest")):
        for f in glob.glob(os.path.join(cache, "voxprint", "models", "%s-*.json" % kind)):
            record = json.load(open(f))
            if record.get(field) and record.get("processor", "").endswith("; libtorch %s" % version):
                return None if record[field] == "ALL" else record[field]
    return None


def median_ratio(rows):
    return st.median(j / p for j, p in rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("audio")
    ap.add_argument("out")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--busy", action="store_true")
    ap.add_argument("--variants", action="store_true")
    ap.add_argument("--launcher", help="also time the one-shot embed through this installed launcher"
                                       " (e.g. target/installer/image/voxprint/bin/voxprint)")
    ap.add_argument("--no-tune", action="store_true",
                    help="leave 'voxprint model tune' out (oneDNN's own instruction set, unless a record says otherwise)")
    ap.add_argument("--quick", action="store_true",
                    help="one-shot 3 s embed, four files and the model loads only (no enrolled database)")
    ap.add_argument("--files", type=int, help="files in the many-files rows (default 8, or 4 with --quick)")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    r = Runner(a.out, a.model)
    audio = lambda name: os.path.join(a.audio, name)
    count = a.files or (4 if a.quick else 8)
    many = sorted(glob.glob(audio("many-*.wav")))[:count]
    if len(many) != count:
        raise SystemExit("%s holds %d many-NN.wav files, not %d (bench/model/make_inputs.py makes them)"
                         % (a.audio, len(many), count))
    enroll = sorted(glob.glob(audio("enroll-*.wav")))
    busy = None
    print("== %d cores, %s; load average before: %s%s" % (
        os.cpu_count(), open("/proc/cpuinfo").read().split("model name")[1].split("\n")[0].strip(": \t"), loadavg(),
        "; one core kept busy by another process" if a.busy else ""), flush=True)

    # The enrolled template (three speakers) and the same embeddings for the Python peer; also makes
    # sure the facts of the model file are known, as on a user's second run.
    template = os.path.join(a.out, "template.db")
    if os.path.exists(template):
        os.remove(template)
    stored = []
    for f in ([] if a.quick else enroll):
        name = os.path.basename(f)[len("enroll-"):-4]
        r.timed(r.java(["enroll", "--model", a.model, "--db", template, "--name", name, "--force", f]))
    if not a.quick:
        _, _, lines = r.timed(r.java(["embed", "--model", a.model, "--db", r.fresh_db()] + enroll))
        for _, line in lines:
            stored.append(json.loads(line)["embedding"])
        np.save(os.path.join(a.out, "stored.npy"), np.array(stored, dtype=np.float32))
        np.save(os.path.join(a.out, "stored-1.npy"), np.array(stored[:1], dtype=np.float32))
    else:
        # the facts of the model file known, as on a user's second run
        r.timed(r.java(["model", "info", "--model", a.model, "--db", r.fresh_db()]))
    first_speaker = os.path.basename(enroll[0])[len("enroll-"):-4] if enroll else None
    # as a user who ran 'voxprint model tune' once on this machine (docs/model.md): every later process
    # starts oneDNN under the instruction set it timed fastest
    tune = None
    if a.no_tune:
        for f in glob.glob(os.path.join(r.cache, "voxprint", "models", "speed-*.json")):
            os.remove(f)
    else:
        _, _, lines = r.timed(r.java(["model", "tune", "--model", a.model]))
        tune = json.loads(lines[-1][1])
        print("== model tune: %s" % json.dumps({k: tune.get(k) for k in ("medianMillis", "fastest")}), flush=True)

    if a.busy:
        busy = subprocess.Popen([PY, "-c", "while True: pass"])
    results = {"load_before": loadavg(), "busy": a.busy, "rows": {}, "tune": tune}
    try:
        rows = results["rows"]

        def add(key, java, python):
            rows.setdefault(key, {"java": [], "python": []})
            rows[key]["java"].append(java[:2])
            rows[key]["python"].append(python[:2])

        one = audio("oneshot-3s.wav")
        ten = audio("oneshot-10s.wav")
        variants = [("as shipped", [], {})]
        if a.variants:
            jsa = os.path.join(a.out, "voxprint.jsa")
            # an archive of an older jar is refused, with a warning on stdout amid the JSON
            if not os.path.exists(jsa) or os.path.getmtime(jsa) < os.path.getmtime(r.jar):
                r.timed(r.java(["embed", "--model", a.model, "--db", r.fresh_db(), one],
                               opts=["-XX:ArchiveClassesAtExit=" + jsa]))
            variants += [("AppCDS", ["-XX:SharedArchiveFile=" + jsa], {}),
                         ("C1 only", ["-XX:TieredStopAtLevel=1"], {}),
                         ("AppCDS + C1 only", ["-XX:SharedArchiveFile=" + jsa, "-XX:TieredStopAtLevel=1"], {}),
                         ("libgomp's default wait policy", ["-D" + "voxprint.omp.waitPolicy="], {}),
                         ("glibc's default allocator", ["-Dvoxprint.malloc.tune=false"], {}),
                         ("1 intra-op thread", ["-Dai.djl.pytorch.num_threads=1"], {})]
        for rnd in range(a.rounds):
            print("== round %d, load average %s" % (rnd + 1, loadavg()), flush=True)
            py = r.python([os.path.join(HERE, "py_oneshot.py"), "embed", a.model, one])
            for name, opts, extra in variants:
                env = dict(r.base_env, **extra)
                java = r.timed(r.java(["embed", "--model", a.model, "--db", r.fresh_db(), one], opts), env)
                results.setdefault("embedding_max_abs_diff", {})[name] = agreement(java, py)
                add("embed 3 s, one shot" + ("" if name == "as shipped" else " [%s]" % name), java, py)
                if name == "as shipped":
                    add("embed 3 s, one shot [Python also with Voxprint's allocator settings]", java,
                        r.timed([PY, os.path.join(HERE, "py_oneshot.py"), "embed", a.model, one], r.python_alloc_env))
                limit = onednn_limit(r.cache)
                if name == "as shipped" and limit:
                    # like for like: Python's oneDNN held to the instruction set Voxprint runs under
                    add("embed 3 s, one shot [Python also under ONEDNN_MAX_CPU_ISA=%s]" % limit, java,
                        r.timed([PY, os.path.join(HERE, "py_oneshot.py"), "embed", a.model, one],
                                dict(r.python_env, ONEDNN_MAX_CPU_ISA=limit)))
            if a.launcher:
                # as the installed app runs: its launcher, its runtime, its class-data archives
                add("embed 3 s, one shot [installed launcher]",
                    r.timed([a.launcher, "embed", "--model", a.model, "--db", r.fresh_db(), one]), py)
            if not a.quick:
                py_ten = r.python([os.path.join(HERE, "py_oneshot.py"), "embed", a.model, ten])
                add("embed 10 s, one shot",
                    r.timed(r.java(["embed", "--model", a.model, "--db", r.fresh_db(), ten])), py_ten)
                if a.launcher:
                    add("embed 10 s, one shot [installed launcher]",
                        r.timed([a.launcher, "embed", "--model", a.model, "--db", r.fresh_db(), ten]), py_ten)
            if not a.quick:
                verify = ["verify", "--model", a.model, "--db", r.fresh_db(template), "--name", first_speaker, one]
                py_verify = r.python([os.path.join(HERE, "py_oneshot.py"), "verify", a.model, one,
                                      os.path.join(a.out, "stored-1.npy")])
                add("verify 3 s, one shot", r.timed(r.java(verify)), py_verify)
                if a.launcher:
                    verify[4] = r.fresh_db(template)
                    add("verify 3 s, one shot [installed launcher]", r.timed([a.launcher] + verify), py_verify)
            if not a.quick:
                identify = ["identify", "--model", a.model, "--db", r.fresh_db(template), one]
                py_identify = r.python([os.path.join(HERE, "py_oneshot.py"), "identify", a.model, one,
                                        os.path.join(a.out, "stored.npy")])
                add("identify 3 s, one shot (3 speakers)", r.timed(r.java(identify)), py_identify)
                if a.launcher:
                    identify[4] = r.fresh_db(template)
                    add("identify 3 s, one shot (3 speakers) [installed launcher]", r.timed([a.launcher] + identify),
                        py_identify)
            # many files: per-file pace from the times the result lines appear
            j = r.timed(r.java(["embed", "--model", a.model, "--db", r.fresh_db()] + many))
            p = r.python([os.path.join(HERE, "py_many.py"), a.model] + many)
            pa = r.timed([PY, os.path.join(HERE, "py_many.py"), a.model] + many, r.python_alloc_env)
            for key, res in (("java", j), ("python", p), ("python, allocator settings", pa)):
                times = [t for t, _ in res[2]]
                assert len(times) == len(many), (key, res[2])
            pace = lambda res: (res[2][-1][0] - res[2][0][0]) / (len(res[2]) - 1)
            add("%d files of 3 s, whole process" % len(many), j, p)
            add("%d files of 3 s, steady state per file" % len(many), (pace(j), j[1]), (pace(p), p[1]))
            add("%d files of 3 s, steady state per file [Python also with Voxprint's allocator settings]" % len(many),
                (pace(j), j[1]), (pace(pa), pa[1]))
            limit = onednn_limit(r.cache)
            if limit:
                pl = r.timed([PY, os.path.join(HERE, "py_many.py"), a.model] + many,
                             dict(r.python_env, ONEDNN_MAX_CPU_ISA=limit))
                add("%d files of 3 s, steady state per file [Python also under ONEDNN_MAX_CPU_ISA=%s]" % (len(many), limit),
                    (pace(j), j[1]), (pace(pl), pl[1]))
        # a model file seen for the first time: the probe, once
        new_cache = os.path.abspath(tempfile.mkdtemp(dir=a.out, prefix="cache-new-"))
        new = r.timed(r.java(["model", "info", "--model", a.model, "--db", r.fresh_db()]),
                      dict(r.base_env, XDG_CACHE_HOME=new_cache))
        known = r.timed(r.java(["model", "info", "--model", a.model, "--db", r.fresh_db()]))
        jit = r.python(["-c", "import sys, torch; torch.jit.load(sys.argv[1], map_location='cpu')", a.model])
        info_new = json.loads(new[2][-1][1])
        info_known = json.loads(known[2][-1][1])
        results["model_info"] = {"new_s": new[0], "new_load_ms": info_new["loadMillis"],
                                 "new_probe_calls": info_new["probeCalls"], "known_s": known[0],
                                 "known_load_ms": info_known["loadMillis"], "known_probe_calls": info_known["probeCalls"],
                                 "python_jit_load_process_s": jit[0]}
        shutil.rmtree(new_cache, ignore_errors=True)
        if a.variants:
            results["in_flight"] = in_flight(r, a, many)
    finally:
        if busy:
            busy.kill()
    results["load_after"] = loadavg()
    with open(os.path.join(a.out, "results%s.json" % ("-busy" if a.busy else "")), "w") as f:
        json.dump(results, f, indent=1)

    print()
    if tune:
        print("model tune: median call %s ms; fastest %s" % (
            ", ".join("%s %.0f" % kv for kv in tune["medianMillis"].items()), tune["fastest"]))
    print("Load average %s before, %s after%s; %d rounds; seconds are medians over rounds, the ratio is the"
          " median of the per-round ratios." % (results["load_before"], results["load_after"],
                                                "; one core kept busy" if a.busy else "", a.rounds))
    print()
    print("| what | Voxprint s | Python s | Voxprint/Python (rounds) | peak RSS Voxprint MB | peak RSS Python MB |")
    print("|---|---:|---:|---:|---:|---:|")
    for key, v in results["rows"].items():
        jw = [x[0] for x in v["java"]]
        pw = [x[0] for x in v["python"]]
        ratios = [j / p for j, p in zip(jw, pw)]
        print("| %s | %.2f | %.2f | %.2f (%s) | %.0f | %.0f |" % (
            key, st.median(jw), st.median(pw), st.median(ratios), ", ".join("%.2f" % x for x in ratios),
            max(x[1] for x in v["java"]), max(x[1] for x in v["python"])))
    m = results["model_info"]
    print()
    print("| model info | whole process s | load ms (Java side) | model calls at load |")
    print("|---|---:|---:|---:|")
    print("| new model file (probed) | %.2f | %d | %d |" % (m["new_s"], m["new_load_ms"], m["new_probe_calls"]))
    print("| known model file (facts remembered) | %.2f | %d | %d |" % (m["known_s"], m["known_load_ms"], m["known_probe_calls"]))
    print("| Python: torch.jit.load alone, whole process | %.2f | | |" % m["python_jit_load_process_s"])
    if "in_flight" in results:
        f = results["in_flight"]
        print()
        print("| %d files after load and warm-up | seconds per file (rounds) | median ratio to 'all cores, 1 call' |"
              % len(many))
        print("|---|---:|---:|")
        for mode, label in (("serial", "%d intra-op threads, 1 call in flight, next file decoding" % os.cpu_count()),
                            ("parallel", "1 intra-op thread, %d calls in flight" % os.cpu_count())):
            per_file = [x / len(many) for x in f[mode]]
            ratio = st.median(p / s for p, s in zip(f[mode], f["serial"]))
            print("| %s | %.2f (%s) | %.2f |" % (label, st.median(per_file), ", ".join("%.2f" % x for x in per_file),
                                                 ratio))


def in_flight(r, a, many):
    """Seconds for the many files in each arrangement, alternating, one pair per round."""
    times = {"serial": [], "parallel": []}
    script = os.path.join(HERE, "py_inflight.py")
    for rnd in range(a.rounds):
        print("== in flight, round %d, load average %s" % (rnd + 1, loadavg()), flush=True)
        firsts = {}
        for mode, threads in (("serial", os.cpu_count()), ("parallel", 1)):
            env = dict(r.python_env, OMP_NUM_THREADS=str(threads))
            _, _, lines = r.timed([PY, script, a.model, mode] + many, env)
            out = json.loads(lines[-1][1])
            times[mode].append(out["seconds"])
            firsts[mode] = out["first"]
        assert np.allclose(firsts["serial"], firsts["parallel"], atol=1e-4), firsts
    return times


if __name__ == "__main__":
    main()
