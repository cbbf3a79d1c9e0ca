-- GET /api/v1/health: the ceiling of the HTTP stack (routing, a worker thread, one tiny query).
local common = dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")

wrk.method = "GET"
wrk.path = "/api/v1/health"

setup = common.setup

function done(summary, latency, requests)
  common.report(summary, latency)
end
