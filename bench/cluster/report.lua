-- wrk script for bench/cluster/run.sh. With BENCH_COOKIES ("a=1; b=2|a=3; b=4|..."), each request
-- carries the next of those sessions, so the signed-in list is read by many people, not by one
-- session that every request would update. done() prints the figures run.sh reads; errors counts
-- 4xx/5xx answers and failed or timed-out connections.
local sessions = {}
for cookie in string.gmatch(os.getenv("BENCH_COOKIES") or "", "[^|]+") do
  table.insert(sessions, cookie)
end
local next_session = 0

if #sessions > 0 then
  request = function()
    next_session = next_session % #sessions + 1
    wrk.headers["Cookie"] = sessions[next_session]
    return wrk.format()
  end
end

done = function(summary, latency, requests)
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("p50_ms %.1f\n", latency:percentile(50) / 1000))
  io.write(string.format("p95_ms %.1f\n", latency:percentile(95) / 1000))
  io.write(string.format("p99_ms %.1f\n", latency:percentile(99) / 1000))
  io.write(string.format("errors %d\n", bad))
end
