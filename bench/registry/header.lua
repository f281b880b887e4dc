-- wrk: one extra header from BENCH_HEADER ("Name: value"), and the percentiles wrk does not print.
local header = os.getenv("BENCH_HEADER")
if header then
  local name, value = header:match("^([^:]+):%s*(.*)$")
  wrk.headers[name] = value
end
done = function(summary, latency, requests)
  io.write(string.format("p95_ms %.2f\np99_ms %.2f\nrequests %d\nerrors %d\n", latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
