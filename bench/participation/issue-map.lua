-- wrk: the public issue map's viewport requests, as people pan and zoom: a third the whole country,
-- a third a department-sized window, a third a municipality-sized one, at random places.
math.randomseed(42)
local sizes = {14.0, 2.0, 0.3}
request = function()
  local size = sizes[math.random(#sizes)]
  local west = -79 + math.random() * (12 - math.min(size, 12))
  local south = -4 + math.random() * (16 - math.min(size, 16))
  local path = string.format("/public/participation/issues/markers?west=%.4f&south=%.4f&east=%.4f&north=%.4f",
    west, south, west + size, south + size)
  return wrk.format("GET", path)
end
done = function(summary, latency, requests)
  io.write(string.format("p50_ms %.2f\np95_ms %.2f\np99_ms %.2f\nrequests %d\nerrors %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
