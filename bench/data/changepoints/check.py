#!/usr/bin/env python3
"""Validate series.jsonl (change-point development set) and print totals.

Standard library only.  Usage:  python3 check.py [path/to/series.jsonl]
Exit status 0 when every record is valid, 1 otherwise.

Checks per record: all fields present with the right types; id unique; values a non-empty list
of finite numbers; change_points a list of ints, strictly increasing, each in 1..len(values)-1
(0-based index of the FIRST point of a new regime; [] = labelled no change).
"""
import json
import math
import os
import sys
from collections import OrderedDict

FIELDS = OrderedDict([
    ("id", str), ("source", str), ("license", str), ("values", list),
    ("change_points", list), ("direction_hint", str), ("label_kind", str),
    ("domain", str), ("notes", str),
])


def problems(rec, seen):
    out = []
    for k, t in FIELDS.items():
        if k not in rec:
            out.append("missing field %r" % k)
        elif not isinstance(rec[k], t):
            out.append("field %r is %s, not %s" % (k, type(rec[k]).__name__, t.__name__))
    extra = set(rec) - set(FIELDS)
    if extra:
        out.append("unexpected fields %s" % sorted(extra))
    if out:
        return out
    for k in ("id", "source", "license", "label_kind", "domain"):
        if not rec[k].strip():
            out.append("empty %r" % k)
    if rec["id"] in seen:
        out.append("duplicate id")
    vals = rec["values"]
    if not vals:
        out.append("no values")
    bad = [i for i, v in enumerate(vals)
           if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v)]
    if bad:
        out.append("%d non-finite/non-numeric values (first at index %d)" % (len(bad), bad[0]))
    cps = rec["change_points"]
    if any(isinstance(c, bool) or not isinstance(c, int) for c in cps):
        out.append("change_points must be integers")
    else:
        if any(b <= a for a, b in zip(cps, cps[1:])):
            out.append("change_points not strictly increasing: %s" % cps)
        oob = [c for c in cps if not 0 < c < len(vals)]
        if oob:
            out.append("change_points out of range 1..%d: %s" % (len(vals) - 1, oob))
    return out


def source_of(rec):
    # "owner/repo@commit path ..." -> "owner/repo"
    return rec["source"].split("@", 1)[0].split()[0]


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    path = argv[1] if len(argv) > 1 else os.path.join(here, "series.jsonl")
    records, errors, seen = [], 0, set()
    with open(path) as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except ValueError as e:
                print("line %d: invalid JSON: %s" % (lineno, e))
                errors += 1
                continue
            if not isinstance(rec, dict):
                print("line %d: not a JSON object" % lineno)
                errors += 1
                continue
            p = problems(rec, seen)
            if p:
                errors += 1
                print("line %d (%s): %s" % (lineno, rec.get("id"), "; ".join(p)))
            else:
                seen.add(rec["id"])
                records.append(rec)

    def table(title, key):
        groups = OrderedDict()
        for r in records:
            groups.setdefault(key(r), []).append(r)
        print("\n%s" % title)
        print("  %-52s %6s %8s %7s %9s" % ("", "series", "points", "labels", "no-change"))
        for k in sorted(groups):
            g = groups[k]
            print("  %-52s %6d %8d %7d %9d" % (
                k, len(g), sum(len(r["values"]) for r in g),
                sum(len(r["change_points"]) for r in g),
                sum(1 for r in g if not r["change_points"])))

    table("per source repository", source_of)
    table("per domain", lambda r: r["domain"])
    table("per label_kind", lambda r: r["label_kind"])
    table("per domain / label_kind", lambda r: r["domain"] + " / " + r["label_kind"])
    print("\nTOTAL: %d valid records, %d points, %d labelled change points, %d no-change series; "
          "%d invalid; file %.2f MB" % (
              len(records), sum(len(r["values"]) for r in records),
              sum(len(r["change_points"]) for r in records),
              sum(1 for r in records if not r["change_points"]), errors,
              os.path.getsize(path) / 1e6))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
