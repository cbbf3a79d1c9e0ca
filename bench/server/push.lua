-- POST /api/v1/sync/push: batches of BENCH_BATCH receive actions, each for a new dossier with a
-- fresh UUID and a dossier code from a block the run script leased (POST /api/v1/codes/lease), so
-- that every action should be accepted. Answers are checked: accepted, duplicate and rejected
-- actions are counted per thread and summed in done().
--
-- Environment (set by bench/server/run):
--   BENCH_LANES    file of leased blocks, one per line: ACTOR TOKEN CODE-PREFIX FIRST LAST WIDTH
--   BENCH_RUN_TAG  8 hex digits, unique per run (the UUIDs' first group)
--   BENCH_PHASE    a number 0..255 per wrk run, so two runs never make the same UUID
--   BENCH_THREADS  wrk's thread count (blocks are dealt out to threads round-robin)
--   BENCH_BATCH    actions per request (default 50)
--   BENCH_RATE     requests per second for all threads together; 0 = as fast as answered
--   BENCH_TIME     the actions' deviceTime (ISO 8601 with offset)
local common = dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *out);
]]

setup = common.setup

-- The demo's receive action (core/domain/demo.cpp, exampleReceive) with the varying parts left
-- as %s: action id, dossier id, actor, device, device seq, device time, code.
local template = '{"schemaVersion":1,"id":"%s","dossierId":"%s","type":"receive",'
  .. '"actorId":"%s","deviceId":"%s","deviceSeq":%d,"deviceTime":"%s","baseVersion":0,'
  .. '"payload":{"code":"%s","procedureCode":"2.001417","channel":"counter",'
  .. '"publicToken":"q7Hc2LrT9xWm","applicant":{"type":"person","personalId":"056090001234",'
  .. '"fullName":"Nguyễn Văn Đức","birthDate":"1990-05-12","gender":"Nam",'
  .. '"address":"12 Trần Phú, phường Nha Trang, tỉnh Khánh Hòa","phone":"0905123456",'
  .. '"email":"nguyenvanduc@example.vn"},"components":[{"id":"c1","documentTypeCode":"TK-LLTP",'
  .. '"name":"Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp","original":true,"copies":1,'
  .. '"holderId":"056090001234","summary":"Yêu cầu cấp Phiếu lý lịch tư pháp số 1"},'
  .. '{"id":"c2","documentTypeCode":"CCCD","name":"Bản chụp Thẻ căn cước công dân",'
  .. '"original":false,"copies":1,"holderId":"056090001234","issueDate":"2021-04-20",'
  .. '"issuer":"Cục Cảnh sát quản lý hành chính về trật tự xã hội",'
  .. '"summary":"Căn cước công dân của người yêu cầu","validUntil":"2030-05-12",'
  .. '"digitised":true,"files":[{"sha256":'
  .. '"9f2c1d4e5b6a7980a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718",'
  .. '"fileName":"cccd.pdf","mediaType":"application/pdf","size":184320}]}]}}'

-- Per-thread state (globals: done() reads them with thread:get()).
accepted, duplicate, rejected, exhausted, answers, non200 = 0, 0, 0, 0, 0, 0
first_rejection = ""

local blocks = {}   -- this thread's leased blocks: {actor, token, prefix, next, last, width}
local current = 1
local serial = 0    -- actions made by this thread
local batch, tag, phase, device_time
local interval, next_slot = 0, 0
local now_buf = ffi.new("bench_timespec")

local function now_ms()
  ffi.C.clock_gettime(1, now_buf) -- CLOCK_MONOTONIC
  return tonumber(now_buf.tv_sec) * 1000 + tonumber(now_buf.tv_nsec) / 1e6
end

function init(args)
  local id = tonumber(thread_id) or 0
  local threads = tonumber(os.getenv("BENCH_THREADS") or "1")
  batch = tonumber(os.getenv("BENCH_BATCH") or "50")
  tag = os.getenv("BENCH_RUN_TAG") or "00000000"
  phase = tonumber(os.getenv("BENCH_PHASE") or "0")
  device_time = os.getenv("BENCH_TIME")
  local index = 0
  for line in io.lines(os.getenv("BENCH_LANES")) do
    local actor, token, prefix, first, last, width =
      line:match("^(%S+) (%S+) (%S+) (%d+) (%d+) (%d+)$")
    if actor then
      if index % threads == id then
        table.insert(blocks, {actor = actor, token = token, prefix = prefix,
                              next = tonumber(first), last = tonumber(last),
                              width = tonumber(width)})
      end
      index = index + 1
    end
  end
  local rate = tonumber(os.getenv("BENCH_RATE") or "0")
  if rate > 0 then
    interval = 1000 * threads / rate -- ms between two requests of this thread
  end
end

-- Paced runs: each request of this thread takes the next slot of a fixed schedule (an idle
-- connection waits for it), so the offered load does not depend on the answers' latency.
function delay()
  if interval == 0 then
    return 0
  end
  local now = now_ms()
  if next_slot < now then
    next_slot = now
  end
  local wait = next_slot - now
  next_slot = next_slot + interval
  return wait
end

local function uuid(kind)
  -- tag-TTPP-4000-K000-SERIAL: unique per run, phase, thread and action by construction
  return string.format("%s-%02x%02x-4000-%x000-%012x", tag, tonumber(thread_id) or 0, phase,
                       kind, serial)
end

function request()
  local block = blocks[current]
  while block and block.last - block.next + 1 < batch do
    current = current + 1
    block = blocks[current]
  end
  if not block then
    -- Out of leased codes: ask for something harmless and count it (the run warns).
    exhausted = exhausted + 1
    return wrk.format("GET", "/api/v1/health")
  end
  local actions = {}
  for i = 1, batch do
    serial = serial + 1
    local code = block.prefix .. string.format("%0" .. block.width .. "d", block.next)
    block.next = block.next + 1
    actions[i] = string.format(template, uuid(8), uuid(9), block.actor, "bench-" .. tag,
                               serial, device_time, code)
  end
  local body = '{"actions":[' .. table.concat(actions, ",") .. ']}'
  return wrk.format("POST", "/api/v1/sync/push", {
    ["Authorization"] = "Bearer " .. block.token,
    ["Content-Type"] = "application/json",
  }, body)
end

local function count(body, pattern)
  local n = 0
  for _ in body:gmatch(pattern) do
    n = n + 1
  end
  return n
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    return
  end
  if not body:find('"results"', 1, true) then
    return -- the health answer of an exhausted thread
  end
  answers = answers + 1
  accepted = accepted + count(body, '"status":"accepted"')
  duplicate = duplicate + count(body, '"status":"duplicate"')
  local r = count(body, '"status":"rejected"')
  if r > 0 then
    rejected = rejected + r
    if first_rejection == "" then
      first_rejection = body:match('"code":"([^"]*)"') or "?"
    end
  end
end

function done(summary, latency, requests)
  local reasons = {}
  for _, thread in ipairs(common.threads) do
    local reason = thread:get("first_rejection")
    if reason and reason ~= "" then
      table.insert(reasons, reason)
    end
  end
  common.report(summary, latency, {
    string.format("accepted=%d", common.sum("accepted")),
    string.format("duplicate=%d", common.sum("duplicate")),
    string.format("rejected=%d", common.sum("rejected")),
    string.format("exhausted=%d", common.sum("exhausted")),
    string.format("answers=%d", common.sum("answers")),
    string.format("push_non200=%d", common.sum("non200")),
    "first_rejection=" .. (reasons[1] or "-"),
  })
end
