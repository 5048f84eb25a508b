#!/usr/bin/env python3
"""Checks that Voxprint's Java Hub download and Python's huggingface_hub share one cache, both ways.

  tools/hf_cache_interop.py --hf-src DIR --classpath CP --out FIXTURE.json

DIR is a huggingface_hub source tree (its `src` folder; huggingface_hub is not packaged by Debian 12, so
it is run from source with Debian's python3-requests/-filelock/-tqdm/-fsspec/-yaml/-packaging, plus
python3-httpx for 1.x). CP is the test class path (target/test-classes, target/classes, slf4j).

1. Starts io.voxprint.model.hub.HubInteropMain: a local Hub + CDN written in Java (the one the unit tests
   use), which first downloads the fixture file with the Java code into cache J.
2. huggingface_hub's hf_hub_download, with HF_ENDPOINT pointing at that server, downloads the same file
   into cache P; the layout of P is written to FIXTURE.json (the Java test rebuilds it and reuses it).
3. huggingface_hub, offline (HF_HUB_OFFLINE=1), loads the file from cache J and scans J with
   scan_cache_dir: the Java-made cache must be one Python accepts without warnings.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile

REPO = "Jenthe/ECAPA2"
FILENAME = "ecapa2.pt"


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def tree(root):
    entries = []
    for dirpath, dirnames, filenames in os.walk(root):
        for name in sorted(dirnames + filenames):
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, root)
            if os.path.islink(full):
                entries.append({"path": rel, "type": "link", "target": os.readlink(full)})
            elif os.path.isdir(full):
                entries.append({"path": rel, "type": "dir"})
            else:
                size = os.path.getsize(full)
                entry = {"path": rel, "type": "file", "size": size}
                with open(full, "rb") as f:
                    data = f.read() if size < 4096 else None
                try:
                    entry["text"] = data.decode("utf-8") if data is not None else None
                except UnicodeDecodeError:
                    entry["text"] = None
                if entry["text"] is None:
                    del entry["text"]
                    entry["sha256"] = sha256(full)
                entries.append(entry)
    return sorted(entries, key=lambda e: e["path"])


def step_download(cache):
    import huggingface_hub
    from huggingface_hub import hf_hub_download
    path = hf_hub_download(repo_id=REPO, filename=FILENAME)
    print(json.dumps({"version": huggingface_hub.__version__, "path": path}))


def step_offline(cache, expected_path):
    from huggingface_hub import hf_hub_download, scan_cache_dir, try_to_load_from_cache
    path = hf_hub_download(repo_id=REPO, filename=FILENAME)
    assert path == expected_path, (path, expected_path)
    assert try_to_load_from_cache(REPO, FILENAME) == expected_path
    info = scan_cache_dir(cache)
    assert not info.warnings, info.warnings
    repos = {r.repo_id: r for r in info.repos}
    revision = next(iter(repos[REPO].revisions))
    print(json.dumps({"path": path, "sha256": sha256(path), "refs": sorted(revision.refs),
                      "commit": revision.commit_hash, "size_on_disk": repos[REPO].size_on_disk}))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hf-src", required=True)
    ap.add_argument("--classpath", required=True)
    ap.add_argument("--out")
    ap.add_argument("--step")
    ap.add_argument("--expected")
    args = ap.parse_args()
    if args.step == "download":
        return step_download(os.environ["HF_HUB_CACHE"])
    if args.step == "offline":
        return step_offline(os.environ["HF_HUB_CACHE"], args.expected)

    work = tempfile.mkdtemp(prefix="hf-interop-")
    java_cache, py_cache = os.path.join(work, "java"), os.path.join(work, "python")
    server = subprocess.Popen(["java", "-cp", args.classpath, "io.voxprint.model.hub.HubInteropMain", java_cache],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    info = {}
    for line in server.stdout:
        if line.strip() == "READY":
            break
        key, _, value = line.strip().partition(" ")
        info[key] = value
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("HF_")}
    base_env["PYTHONPATH"] = args.hf_src
    base_env["HF_HUB_DISABLE_TELEMETRY"] = "1"
    try:
        env = dict(base_env, HF_ENDPOINT=info["ENDPOINT"], HF_HUB_CACHE=py_cache, HF_HOME=os.path.join(work, "home"))
        out = subprocess.run([sys.executable, __file__, "--hf-src", args.hf_src, "--classpath", "-", "--step", "download"],
                             env=env, check=True, stdout=subprocess.PIPE, text=True).stdout
        downloaded = json.loads(out.strip().splitlines()[-1])
        assert sha256(downloaded["path"]) == info["SHA"], "Python got other bytes"

        env = dict(base_env, HF_HUB_OFFLINE="1", HF_ENDPOINT="http://127.0.0.1:9", HF_HUB_CACHE=java_cache,
                   HF_HOME=os.path.join(work, "home"))
        out = subprocess.run([sys.executable, __file__, "--hf-src", args.hf_src, "--classpath", "-", "--step", "offline",
                              "--expected", info["JAVA_PATH"]], env=env, check=True, stdout=subprocess.PIPE, text=True).stdout
        offline = json.loads(out.strip().splitlines()[-1])
        assert offline["sha256"] == info["SHA"], "Python read other bytes from the Java cache"
        print("python %s downloaded from the Java test Hub: %s" % (downloaded["version"], downloaded["path"]))
        print("python %s read the Java-made cache offline: %s" % (downloaded["version"], json.dumps(offline)))
    finally:
        server.stdin.close()
        server.wait(timeout=30)

    if args.out:
        fixture = {"producer": "huggingface_hub " + downloaded["version"], "repo_id": REPO, "filename": FILENAME,
                   "sha256": info["SHA"], "entries": tree(py_cache)}
        with open(args.out, "w") as f:
            json.dump(fixture, f, indent=1, sort_keys=True)
            f.write("\n")
        print("wrote", args.out)


if __name__ == "__main__":
    main()
