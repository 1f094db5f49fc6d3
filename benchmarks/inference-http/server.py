#!/usr/bin/env python3
"""Inference server: a small TorchScript MLP classifier behind a stdlib HTTP server.

Endpoints:
  GET  /healthz  readiness: 503 while the model loads, 200 once it can serve
  GET  /livez    liveness: 200 while the process is up
  POST /predict  {"inputs": [[64 floats], ...]} -> {"classes": [int, ...], "scores": [float, ...]}

The model's weights are seeded (no download); it is traced with torch.jit.trace as a
served model would be. The socket is opened before the model loads, so a readiness probe
sees 503 first and 200 when the server is really ready.

The server exits by itself when its parent process does (see --no-exit-with-parent).

Usage: python3 server.py [--host 127.0.0.1] [--port 18080] [--threads 1] [--seed 0]
"""

import argparse
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

N_FEATURES = 64
N_CLASSES = 10
MAX_BATCH = 256


class Model:
    """Holds the TorchScript module once it is loaded; `predict` is thread-safe."""

    def __init__(self):
        self.module = None
        self.ready = threading.Event()
        self.error = None

    def load(self, seed, threads, hidden):
        try:
            import torch
            from torch import nn
        except ImportError:
            self.error = "PyTorch is not importable by %s: apt-get install python3-torch or pip install torch" % (
                sys.executable
            )
            # pyenv's python3 comes first on PATH and does not see Debian's python3-torch.
            if (os.environ.get("PYENV_ROOT") or ".pyenv" in sys.executable) and os.environ.get("PYENV_VERSION") != "system":
                self.error += "; this python3 is pyenv's: if PyTorch is installed for the system Python, run with PYENV_VERSION=system"
            sys.stderr.write("error: %s\n" % self.error)
            sys.stderr.flush()
            os._exit(3)
        torch.set_num_threads(threads)
        torch.manual_seed(seed)
        net = nn.Sequential(
            nn.Linear(N_FEATURES, hidden),
            nn.ReLU(),
            nn.Linear(hidden, hidden),
            nn.ReLU(),
            nn.Linear(hidden, N_CLASSES),
            nn.Softmax(dim=1),
        ).eval()
        with torch.no_grad():
            self.module = torch.jit.trace(net, torch.zeros(1, N_FEATURES))
            self.module = torch.jit.freeze(self.module)
            for _ in range(3):  # warm the JIT before declaring readiness
                self.module(torch.zeros(4, N_FEATURES))
        self.torch = torch
        self.ready.set()
        print("model loaded: torch=%s hidden=%d threads=%d" % (torch.__version__, hidden, threads), flush=True)

    def predict(self, inputs):
        torch = self.torch
        x = torch.tensor(inputs, dtype=torch.float32)
        if x.dim() != 2 or x.shape[1] != N_FEATURES or x.shape[0] == 0 or x.shape[0] > MAX_BATCH:
            raise ValueError("inputs must be a list of 1..%d rows of %d numbers" % (MAX_BATCH, N_FEATURES))
        with torch.inference_mode():
            probabilities = self.module(x)
        scores, classes = probabilities.max(dim=1)
        return {"classes": classes.tolist(), "scores": [round(s, 6) for s in scores.tolist()]}


MODEL = Model()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: clients reuse their connection
    server_version = "maat-example-inference/0.1"
    # Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm
    # and the client's delayed ACK add ~40 ms to every response.
    disable_nagle_algorithm = True

    def _reply(self, status, body):
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/livez":
            self._reply(200, {"status": "alive"})
        elif self.path == "/healthz":
            if MODEL.ready.is_set():
                self._reply(200, {"status": "ready"})
            else:
                self._reply(503, {"status": "loading"})
        else:
            self._reply(404, {"error": "not found"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length > 0 else b""
        if self.path != "/predict":
            self._reply(404, {"error": "not found"})
            return
        if not MODEL.ready.is_set():
            self._reply(503, {"error": "model not loaded yet"})
            return
        try:
            inputs = json.loads(raw.decode("utf-8"))["inputs"]
            self._reply(200, MODEL.predict(inputs))
        except (ValueError, KeyError, TypeError) as exc:
            self._reply(400, {"error": str(exc)})

    def log_message(self, format, *args):  # noqa: A002 - silence per-request access logs
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A client that hung up (a probe that timed out while torch was loading) is not an error."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def exit_with_parent(interval=0.5):
    """Exit when the process that started us goes away (we get re-parented).

    The server is usually started through `/bin/sh -c "python3 server.py ..."`; stopping
    that shell does not stop its child, so the server would linger and hold the port.
    """
    parent = os.getppid()

    def watch():
        while True:
            time.sleep(interval)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=18080)
    p.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default 1)")
    p.add_argument("--hidden", type=int, default=256)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--no-exit-with-parent", action="store_true", help="keep serving if the parent process exits")
    args = p.parse_args()
    if not args.no_exit_with_parent:
        exit_with_parent()

    httpd = Server((args.host, args.port), Handler)
    print("listening on http://%s:%d (model loading)" % (args.host, httpd.server_address[1]), flush=True)
    threading.Thread(target=MODEL.load, args=(args.seed, args.threads, args.hidden), daemon=True).start()
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()


if __name__ == "__main__":
    main()
