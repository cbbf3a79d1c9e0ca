-- Shared by the wrk scripts of bench/server/run: per-thread counters and the one-line result
-- ("BENCH_RESULT key=value …") that the run script turns into its summary table.
local M = {}

M.threads = {}

-- wrk calls setup() once per thread, in the main Lua state, before the threads start.
function M.setup(thread)
  thread:set("thread_id", #M.threads)
  table.insert(M.threads, thread)
end

local function sum(name)
  local total = 0
  for _, thread in ipairs(M.threads) do
    total = total + (tonumber(thread:get(name)) or 0)
  end
  return total
end
M.sum = sum

-- Prints the summary; `extra` is a table of more key=value pairs (counts summed over threads).
function M.report(summary, latency, extra)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local fields = {
    string.format("requests=%d", summary.requests),
    string.format("seconds=%.3f", seconds),
    string.format("rps=%.1f", summary.requests / seconds),
    string.format("bytes=%d", summary.bytes),
    string.format("p50_ms=%.2f", latency:percentile(50) / 1000),
    string.format("p90_ms=%.2f", latency:percentile(90) / 1000),
    string.format("p99_ms=%.2f", latency:percentile(99) / 1000),
    string.format("max_ms=%.2f", latency.max / 1000),
    string.format("errors=%d", e.connect + e.read + e.write + e.timeout),
    string.format("non2xx=%d", e.status),
  }
  for _, kv in ipairs(extra or {}) do
    table.insert(fields, kv)
  end
  io.write("BENCH_RESULT " .. table.concat(fields, " ") .. "\n")
end

return M
