-- wrk: HTTP Basic from BENCH_AUTHORIZATION, and the 95th percentile that wrk does not print.
local authorization = os.getenv("BENCH_AUTHORIZATION")
if authorization then wrk.headers["Authorization"] = authorization end
done = function(summary, latency, requests)
  io.write(string.format("p95_ms %.2f\np99_ms %.2f\nrequests %d\nerrors %d\n", latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
