#!/usr/bin/env python3
"""Compare the PostGIS reference adjacency with Minga's.

Usage:
  compare.py POSTGIS.csv MINGA.json [MORE.json ...] [--show N] [--max-rel-diff X]

POSTGIS.csv is written by postgis-adjacency.sh (header a,b,sharedBorderMeters). MINGA.json is
the body of GET /api/v1/territory/adjacency?country=..&level=..&at=..: a JSON array of
{"a", "b", "sharedBorderMeters"}, or a page {"items": [...]} (several page files may be given;
their items are put together). A CSV with the same header is accepted in place of JSON too.

Prints the pairs only in PostGIS, the pairs only in Minga, the number of common pairs and the
largest relative difference of shared length on common pairs (|minga - postgis| / postgis).
Exit status: 0 when the two pair sets are identical (and, with --max-rel-diff, every relative
difference is at most X), 1 otherwise, 2 on bad input. Standard library only.
"""
import argparse
import csv
import json
import sys


class BadInput(Exception):
    pass


def pair_key(a, b, source, warnings):
    a, b = str(a), str(b)
    if a == b:
        raise BadInput("%s: pair of a unit with itself: %s" % (source, a))
    if a > b:
        warnings.append("%s: pair %s,%s not ordered a < b" % (source, a, b))
        a, b = b, a
    return a, b


def add(pairs, key, meters, source, warnings):
    if key in pairs:
        warnings.append("%s: duplicate pair %s,%s" % (source, key[0], key[1]))
    pairs[key] = meters


def read_csv(path, pairs, warnings):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = {"a", "b", "sharedBorderMeters"} - set(reader.fieldnames or [])
        if missing:
            raise BadInput("%s: missing column(s) %s" % (path, ", ".join(sorted(missing))))
        for row in reader:
            key = pair_key(row["a"], row["b"], path, warnings)
            add(pairs, key, float(row["sharedBorderMeters"]), path, warnings)


def read_json(path, pairs, warnings):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    if isinstance(doc, dict):
        if "items" not in doc:
            raise BadInput("%s: object without \"items\"" % path)
        doc = doc["items"]
    if not isinstance(doc, list):
        raise BadInput("%s: expected an array or {\"items\": [...]}" % path)
    for item in doc:
        try:
            key = pair_key(item["a"], item["b"], path, warnings)
            meters = float(item["sharedBorderMeters"])
        except (KeyError, TypeError, ValueError) as e:
            raise BadInput("%s: bad item %r (%s)" % (path, item, e))
        add(pairs, key, meters, path, warnings)


def read_any(path, pairs, warnings):
    if path.lower().endswith(".csv"):
        read_csv(path, pairs, warnings)
    else:
        read_json(path, pairs, warnings)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("postgis_csv")
    parser.add_argument("minga_json", nargs="+")
    parser.add_argument("--show", type=int, default=50, metavar="N",
                        help="list at most N pairs of each kind (default 50; 0 = all)")
    parser.add_argument("--max-rel-diff", type=float, default=None, metavar="X",
                        help="also fail when a common pair's relative difference exceeds X")
    args = parser.parse_args(argv)

    warnings = []
    ref, minga = {}, {}
    try:
        read_csv(args.postgis_csv, ref, warnings)
        for path in args.minga_json:
            read_any(path, minga, warnings)
    except (OSError, ValueError, BadInput) as e:
        print("error: %s" % e, file=sys.stderr)
        return 2
    for w in warnings[:20]:
        print("warning: %s" % w)
    if len(warnings) > 20:
        print("warning: ... %d more" % (len(warnings) - 20))

    only_ref = sorted(set(ref) - set(minga))
    only_minga = sorted(set(minga) - set(ref))
    common = sorted(set(ref) & set(minga))
    limit = args.show if args.show > 0 else None

    def listing(title, keys, source):
        print("%s: %d" % (title, len(keys)))
        for a, b in keys[:limit]:
            print("  %s,%s  %.3f m" % (a, b, source[(a, b)]))
        if limit is not None and len(keys) > limit:
            print("  ... %d more" % (len(keys) - limit))

    print("PostGIS pairs: %d, Minga pairs: %d" % (len(ref), len(minga)))
    listing("only in PostGIS", only_ref, ref)
    listing("only in Minga", only_minga, minga)
    print("common pairs: %d" % len(common))

    worst_rel, worst_rel_key, worst_abs, worst_abs_key = 0.0, None, 0.0, None
    for key in common:
        diff = abs(minga[key] - ref[key])
        rel = diff / ref[key] if ref[key] > 0 else (0.0 if diff == 0 else float("inf"))
        if worst_rel_key is None or rel > worst_rel:
            worst_rel, worst_rel_key = rel, key
        if worst_abs_key is None or diff > worst_abs:
            worst_abs, worst_abs_key = diff, key
    if common:
        a, b = worst_rel_key
        print("max relative difference: %.3e (%s,%s: PostGIS %.3f m, Minga %.3f m)"
              % (worst_rel, a, b, ref[worst_rel_key], minga[worst_rel_key]))
        a, b = worst_abs_key
        print("max absolute difference: %.3f m (%s,%s)" % (worst_abs, a, b))
    else:
        print("max relative difference: -")

    ok = not only_ref and not only_minga
    if args.max_rel_diff is not None and common and worst_rel > args.max_rel_diff:
        print("relative difference above %g" % args.max_rel_diff)
        ok = False
    print("RESULT: %s" % ("same pairs" if ok else "DIFFERENT"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
