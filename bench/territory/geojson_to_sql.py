#!/usr/bin/env python3
"""Turn a GeoJSON FeatureCollection into SQL that loads it into a PostGIS table.

Usage: geojson_to_sql.py FILE TABLE KIND  > load.sql

KIND says how the unit code is made from a feature's properties:
  co-dpto   DPTO_CCDGO as is ("05")
  co-mpio   MPIO_CCNCT as is ("05001")
  sv-dist   "D" + id_distrito zero-padded to 3 digits (97 -> "D097")

The table gets (code text primary key, name text, geom geometry(Geometry, 4326)); geometries are
loaded untouched (no ST_MakeValid, no ST_Multi), coordinates are WGS84 lon/lat. Standard library
only.
"""
import json
import sys

KINDS = {
    "co-dpto": (lambda p: str(p["DPTO_CCDGO"]), lambda p: p.get("DPTO_CNMBR")),
    "co-mpio": (lambda p: str(p["MPIO_CCNCT"]), lambda p: p.get("MPIO_CNMBR")),
    "sv-dist": (lambda p: "D%03d" % int(p["id_distrito"]), lambda p: p.get("nombre_distrito")),
}


def quote(value):
    if value is None:
        return "NULL"
    return "'" + str(value).replace("'", "''") + "'"


def main(argv):
    if len(argv) != 4 or argv[3] not in KINDS:
        sys.exit("usage: geojson_to_sql.py FILE TABLE {%s}" % "|".join(KINDS))
    path, table, kind = argv[1], argv[2], argv[3]
    code_of, name_of = KINDS[kind]
    with open(path, encoding="utf-8") as f:
        collection = json.load(f)
    features = collection["features"]
    out = sys.stdout
    out.write("DROP TABLE IF EXISTS %s;\n" % table)
    out.write("CREATE TABLE %s (code text COLLATE \"C\" PRIMARY KEY, name text,"
              " geom geometry(Geometry, 4326) NOT NULL);\n" % table)
    out.write("BEGIN;\n")
    seen = set()
    for feature in features:
        props = feature.get("properties") or {}
        code = code_of(props)
        if code in seen:
            sys.exit("%s: duplicate code %s" % (path, code))
        seen.add(code)
        geometry = json.dumps(feature["geometry"], separators=(",", ":"))
        out.write("INSERT INTO %s VALUES (%s, %s, ST_SetSRID(ST_GeomFromGeoJSON(%s), 4326));\n"
                  % (table, quote(code), quote(name_of(props)), quote(geometry)))
    out.write("COMMIT;\n")
    out.write("CREATE INDEX %s_geom_gist ON %s USING gist (geom);\n" % (table, table))
    out.write("ANALYZE %s;\n" % table)
    sys.stderr.write("%s: %d features -> %s\n" % (path, len(features), table))


if __name__ == "__main__":
    main(sys.argv)
