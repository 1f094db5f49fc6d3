"""maat_emit: report a metric to Maat from a Python benchmark. No dependencies.

Usage::

    from maat_emit import emit

    emit("samples_per_second", 1234.5, "samples/s")
    emit("loss", 0.123)

Where the value goes:

* When the environment variable ``MAAT_METRICS_FILE`` is set (Maat sets it for every
  repetition), one JSON object per call is appended to that file as a line::

      {"name": "samples_per_second", "value": 1234.5, "unit": "samples/s"}

  (``unit`` is left out when not given.)

  Each line is written with a single ``write`` on a file opened in append mode, so
  several processes (data-loader workers, ranks, a server and its client) may emit
  into the same file concurrently.
* Otherwise the same JSON is printed to stdout as ``maat:metric {...}``, which Maat
  also picks up from the log.

JSON has no NaN or infinities: those values are written as the strings ``"NaN"``,
``"Infinity"`` and ``"-Infinity"``.

Declare every emitted metric in the descriptor (``[[output.metrics]]`` with ``name``
and ``units``, no ``pattern``) so Maat checks that it was reported.

To use this file, copy it next to your benchmark or put ``clients/python`` on
``PYTHONPATH``.
"""

import json
import math
import os
import sys

__all__ = ["emit", "format_metric"]

ENV_VAR = "MAAT_METRICS_FILE"
STDOUT_PREFIX = "maat:metric "


def _json_number(value):
    if isinstance(value, bool):
        raise TypeError("metric value must be a number, not a bool")
    number = float(value) if not isinstance(value, int) else value
    if isinstance(number, float):
        if math.isnan(number):
            return "NaN"
        if math.isinf(number):
            return "Infinity" if number > 0 else "-Infinity"
    return number


def format_metric(name, value, unit=None):
    """Return the one-line JSON object for a metric (without a trailing newline)."""
    if not isinstance(name, str) or not name:
        raise ValueError("metric name must be a non-empty string")
    record = {"name": name, "value": _json_number(value)}
    if unit is not None:
        record["unit"] = str(unit)
    return json.dumps(record, allow_nan=False, separators=(", ", ": "))


def emit(name, value, unit=None):
    """Report one value of metric ``name`` (a number; ``unit`` is an optional string)."""
    line = format_metric(name, value, unit)
    path = os.environ.get(ENV_VAR)
    if path:
        data = (line + "\n").encode("utf-8")
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
    else:
        sys.stdout.write(STDOUT_PREFIX + line + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    # Command-line form for shell scripts: python3 maat_emit.py NAME VALUE [UNIT]
    if len(sys.argv) not in (3, 4):
        sys.stderr.write("usage: maat_emit.py NAME VALUE [UNIT]\n")
        sys.exit(2)
    emit(sys.argv[1], float(sys.argv[2]), sys.argv[3] if len(sys.argv) == 4 else None)
