#!/usr/bin/env python3
"""Load generator for the inference server: N requests from C threads over keep-alive
connections, after a warm-up. Prints

    latency_p50_ms=1.234
    latency_p90_ms=2.345
    latency_p99_ms=3.456
    throughput_rps=789.0

(captured by the descriptor's patterns) and emits `latency_mean_ms` and `error_rate`
through Maat's emit client. Exits non-zero when any request failed.

Host and port default to INFERENCE_SERVER_HOST / INFERENCE_SERVER_PORT, which Maat sets.

Usage: python3 client.py --host=HOST --port=PORT [--requests 2000] [--warmup 100]
                         [--concurrency 4] [--batch 1] [--seed 0]
"""

import argparse
import http.client
import json
import os
import random
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "clients", "python"))
from maat_emit import emit  # noqa: E402

N_FEATURES = 64


def percentile(sorted_values, q):
    """Linear interpolation between closest ranks (numpy's default), q in [0, 100]."""
    if not sorted_values:
        return float("nan")
    position = (len(sorted_values) - 1) * q / 100.0
    low = int(position)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (position - low)


def make_payloads(count, batch, seed):
    rng = random.Random(seed)
    payloads = []
    for _ in range(count):
        rows = [[round(rng.gauss(0.0, 1.0), 4) for _ in range(N_FEATURES)] for _ in range(batch)]
        payloads.append(json.dumps({"inputs": rows}).encode("utf-8"))
    return payloads


class Worker(threading.Thread):
    def __init__(self, host, port, timeout, payloads, jobs, lock):
        super().__init__(daemon=True)
        self.host, self.port, self.timeout = host, port, timeout
        self.payloads, self.jobs, self.lock = payloads, jobs, lock
        self.latencies = []
        self.errors = []
        self.connection = None

    def _send(self, body):
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        self.connection.request("POST", "/predict", body=body, headers={"Content-Type": "application/json"})
        response = self.connection.getresponse()
        data = response.read()
        if response.status != 200:
            raise RuntimeError("HTTP %d: %s" % (response.status, data[:200].decode("utf-8", "replace")))
        if "classes" not in json.loads(data):
            raise RuntimeError("malformed response: %s" % data[:200])

    def run(self):
        while True:
            with self.lock:
                if not self.jobs:
                    break
                index = self.jobs.pop()
            body = self.payloads[index % len(self.payloads)]
            started = time.perf_counter()
            try:
                self._send(body)
                self.latencies.append((time.perf_counter() - started) * 1000.0)
            except Exception as exc:  # count it, reconnect, go on
                self.errors.append(repr(exc))
                if self.connection is not None:
                    self.connection.close()
                    self.connection = None
        if self.connection is not None:
            self.connection.close()


def run_phase(args, payloads, count):
    jobs = list(range(count))
    lock = threading.Lock()
    workers = [Worker(args.host, args.port, args.timeout, payloads, jobs, lock) for _ in range(args.concurrency)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    latencies = sorted(latency for worker in workers for latency in worker.latencies)
    errors = [error for worker in workers for error in worker.errors]
    return latencies, errors, elapsed


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--host", default=os.environ.get("INFERENCE_SERVER_HOST") or "127.0.0.1")
    p.add_argument("--port", type=int, default=int(os.environ.get("INFERENCE_SERVER_PORT") or 18080))
    p.add_argument("--requests", type=int, default=2000, help="measured requests (default 2000)")
    p.add_argument("--warmup", type=int, default=100, help="unmeasured requests first (default 100)")
    p.add_argument("--concurrency", type=int, default=4, help="client threads (default 4)")
    p.add_argument("--batch", type=int, default=1, help="rows per request (default 1)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--timeout", type=float, default=5.0, help="request timeout in seconds (default 5)")
    args = p.parse_args()
    if args.requests <= 0 or args.concurrency <= 0 or args.batch <= 0 or args.warmup < 0:
        p.error("--requests, --concurrency and --batch must be positive, --warmup not negative")

    payloads = make_payloads(64, args.batch, args.seed)
    print(
        "target=http://%s:%d/predict requests=%d warmup=%d concurrency=%d batch=%d"
        % (args.host, args.port, args.requests, args.warmup, args.concurrency, args.batch),
        flush=True,
    )
    if args.warmup:
        _, warmup_errors, _ = run_phase(args, payloads, args.warmup)
        if len(warmup_errors) == args.warmup:
            sys.stderr.write("error: every warm-up request failed, first: %s\n" % warmup_errors[0])
            sys.exit(1)

    latencies, errors, elapsed = run_phase(args, payloads, args.requests)
    if not latencies:
        sys.stderr.write("error: every request failed, first: %s\n" % errors[0])
        sys.exit(1)
    print("completed=%d errors=%d elapsed_s=%.3f" % (len(latencies), len(errors), elapsed))
    print("latency_p50_ms=%.3f" % percentile(latencies, 50))
    print("latency_p90_ms=%.3f" % percentile(latencies, 90))
    print("latency_p99_ms=%.3f" % percentile(latencies, 99))
    print("throughput_rps=%.1f" % (len(latencies) / elapsed), flush=True)
    emit("latency_mean_ms", round(sum(latencies) / len(latencies), 3), "ms")
    emit("error_rate", len(errors) / args.requests, "ratio")
    if errors:
        sys.stderr.write("%d requests failed, first: %s\n" % (len(errors), errors[0]))
        sys.exit(1)


if __name__ == "__main__":
    main()
