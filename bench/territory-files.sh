# Source it: reference_territory prints a folder holding the reference territory's three GeoJSON
# files, uncompressed from the ones Minga ships (src/main/resources/territory/*.geojson.gz) into
# target/reference-territory. Needs ROOT (the repository) set by the caller.
reference_territory() {
  local out="$ROOT/target/reference-territory" gz
  mkdir -p "$out"
  for gz in "$ROOT"/src/main/resources/territory/*.geojson.gz; do
    [[ -s "$out/$(basename "$gz" .gz)" ]] || gzip -dc "$gz" >"$out/$(basename "$gz" .gz)"
  done
  echo "$out"
}
