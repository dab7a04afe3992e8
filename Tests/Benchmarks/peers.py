"""The Python peers of the benchmarks, run by HFBench in processes of their own.

    python peers.py chat --server URL --fixtures DIR --count 2000 --warmup 100   (B1)
    python peers.py embeddings --file PATH --runs 7                              (B3)
    python peers.py similarity --file PATH --count 100000 --dimension 384 --k 10 --runs 7   (B5)
    python peers.py versions

Each prints one JSON line in the shape HFBench reads (ClientResult, snake-case keys).
"""
import argparse
import json
import os
import resource
import sys
import time


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed_runs(runs, body):
    """One untimed warm-up, then the wall seconds of each of `runs` calls."""
    body()
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        body()
        seconds.append(time.perf_counter() - start)
    return seconds


def chat(args):
    """B1: sequential chat completions with huggingface_hub.InferenceClient on one session."""
    import http.client
    import urllib.parse

    from huggingface_hub import InferenceClient

    fixture = os.path.join(args.fixtures, "TestInferenceClient.test_chat_completion_no_stream_cerebras_conversational.json")
    with open(fixture) as file:
        recorded = json.loads(json.load(file)["interactions"][1]["request"]["body"])
    client = InferenceClient(base_url=args.server + "/chat", api_key="hf_bench")
    # The server's counters, read on a connection of its own so the client's are left alone.
    stats_connection = http.client.HTTPConnection(urllib.parse.urlsplit(args.server).netloc)

    def stats():
        stats_connection.request("GET", "/stats")
        return json.loads(stats_connection.getresponse().read())

    def one():
        reply = client.chat_completion(recorded["messages"], model=recorded["model"])
        if not reply.choices[0].message.content:
            raise RuntimeError("empty reply")

    before = stats()
    for _ in range(args.warmup):
        one()
    warm = stats()
    cpu, wall = cpu_seconds(), time.perf_counter()
    for _ in range(args.count):
        one()
    cpu, wall = cpu_seconds() - cpu, time.perf_counter() - wall
    after = stats()
    return {
        "requests": args.count,
        "errors": 0,
        "cpu_seconds": cpu,
        "wall_seconds": wall,
        "connections": after["accepted"] - before["accepted"],
        "server_cpu_seconds": after["cpuSeconds"] - warm["cpuSeconds"],
    }


def embeddings(args):
    """B3: the same response bytes through the standard json module and orjson."""
    import orjson

    with open(args.file, "rb") as file:
        body = file.read()
    rows = json.loads(body)
    if orjson.loads(body) != rows:
        raise RuntimeError("json and orjson disagree")
    return {
        "items": sum(len(row) for row in rows),
        "bytes": len(body),
        "runs": {
            "python-json": timed_runs(args.runs, lambda: json.loads(body)),
            "orjson": timed_runs(args.runs, lambda: orjson.loads(body)),
        },
    }


def similarity(args):
    """B5: top-k cosine with numpy on the same Float32 vectors (norms computed once, untimed)."""
    import numpy as np

    floats = np.fromfile(args.file, dtype="<f4")
    stored = floats[: args.count * args.dimension].reshape(args.count, args.dimension)
    query = floats[args.count * args.dimension :]
    norms = np.linalg.norm(stored, axis=1)
    top = []

    def search():
        scores = (stored @ query) / (norms * np.linalg.norm(query))
        best = np.argpartition(-scores, args.k)[: args.k]
        top[:] = best[np.argsort(-scores[best])].tolist()

    runs = timed_runs(args.runs, search)
    return {"items": args.count, "bytes": stored.nbytes, "runs": {"numpy": runs}, "top": top}


def versions(args):
    """The versions of Python and of the peers, for the report."""
    import platform
    from importlib.metadata import version

    packages = ", ".join(f"{name} {version(name)}" for name in ("huggingface_hub", "orjson", "numpy"))
    return f"Python {platform.python_version()}; {packages}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("workload", choices=["chat", "embeddings", "similarity", "versions"])
    parser.add_argument("--server")
    parser.add_argument("--fixtures")
    parser.add_argument("--file")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--dimension", type=int, default=384)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    workloads = {"chat": chat, "embeddings": embeddings, "similarity": similarity, "versions": versions}
    result = workloads[args.workload](args)
    print(result if isinstance(result, str) else json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    sys.exit(main())
