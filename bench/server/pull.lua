-- GET /api/v1/sync/changes?after=…&limit=BENCH_LIMIT: each request asks for a full page from a
-- random place in a feed that holds at least BENCH_MAX_AFTER + BENCH_LIMIT visible changes.
-- Bodies are not parsed here (a page is megabytes); the run script checks one page first.
--
-- Environment: BENCH_TOKEN (an officer who sees every pushed change), BENCH_ACCEPT_ENCODING (sent
-- as Accept-Encoding when set: "gzip", as the client's QNetworkAccessManager asks; the pages are
-- counted in compressed bytes, not inflated), BENCH_MIN_AFTER (default 0),
-- BENCH_MAX_AFTER, BENCH_LIMIT (default 500). With BENCH_MIN_AFTER near the feed's end, the pages
-- are short: what a device that keeps up with the feed asks for.
local common = dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")

setup = common.setup

local headers, min_after, max_after, limit

function init(args)
  headers = {["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")}
  local encoding = os.getenv("BENCH_ACCEPT_ENCODING") or ""
  if encoding ~= "" then
    headers["Accept-Encoding"] = encoding
  end
  min_after = tonumber(os.getenv("BENCH_MIN_AFTER") or "0")
  max_after = tonumber(os.getenv("BENCH_MAX_AFTER") or "0")
  limit = tonumber(os.getenv("BENCH_LIMIT") or "500")
  math.randomseed(1000 + (tonumber(thread_id) or 0))
end

function request()
  local after = max_after > 0 and math.random(min_after, max_after) or 0
  return wrk.format("GET", string.format("/api/v1/sync/changes?after=%d&limit=%d", after, limit),
                    headers)
end

function done(summary, latency, requests)
  common.report(summary, latency)
end
