-- wrk script: each thread walks through the seeded licenses (data.txt) and sends one verify or
-- heartbeat (MODE env var) per request, so the load spreads over all 10,000 licenses.
local rows, apiKey = {}, nil
local counter = 0
local mode = os.getenv("MODE") or "verify"

local function load()
  local f = assert(io.open(os.getenv("DATA") or "data.txt"))
  apiKey = f:read("*l")
  for line in f:lines() do
    local key, mac, cpu, uuid, act = line:match("(%S+) (%S+) (%S+) (%S+) (%S+)")
    rows[#rows + 1] = { key = key, mac = mac, cpu = cpu, uuid = uuid, act = act }
  end
  f:close()
end

local created = 0
function setup(thread)
  created = created + 1
  thread:set("thread_no", created)
end

function init(args)
  load()
  counter = (thread_no or 0) * 7919
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-API-Key"] = apiKey
  wrk.path = mode == "heartbeat" and "/api/license/heartbeat" or "/api/license/verify"
end

function request()
  counter = counter + 1
  local r = rows[(counter % #rows) + 1]
  local body
  if mode == "heartbeat" then
    body = string.format('{"licenseKey":"%s","activationId":%s,"appVersion":"2.0.0","usage":{"seats":%d}}',
      r.key, r.act, counter % 10)
  else
    body = string.format('{"licenseKey":"%s","fingerprint":{"mac":"%s","cpuId":"%s","systemUuid":"%s"},"appVersion":"2.0.0"}',
      r.key, r.mac, r.cpu, r.uuid)
  end
  return wrk.format(nil, nil, nil, body)
end

local bad = 0
function response(status, headers, body)
  if status ~= 200 or not body:find('"valid":true', 1, true) then
    bad = bad + 1
    if bad <= 3 then io.stderr:write("unexpected answer " .. status .. ": " .. body:sub(1, 200) .. "\n") end
  end
end

function done(summary, latency, requests)
  io.write(string.format("%s: %.0f req/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d (non-2xx %d)\n",
    mode, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
