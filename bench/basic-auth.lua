-- wrk script: send HTTP Basic credentials with every request.
--
-- The header value comes from the environment so no password is written here:
--   BENCH_AUTHORIZATION="Basic $(printf 'admin:secret' | base64 -w0)" \
--     wrk -t2 -c16 -d20s --latency -s bench/basic-auth.lua http://127.0.0.1:18080/api/v1/me
-- bench/run.sh sets BENCH_AUTHORIZATION itself.

local authorization = os.getenv("BENCH_AUTHORIZATION")
if authorization == nil or authorization == "" then
  io.stderr:write("basic-auth.lua: set BENCH_AUTHORIZATION to \"Basic <base64 user:password>\"\n")
  os.exit(2)
end

wrk.headers["Authorization"] = authorization
wrk.headers["Accept"] = "application/json"
