-- wrk script: NFC bookings (PUT /nfc-transaktion) spread over all seeded tokens (DATA file: key, then
-- one base64 token per line); every answer must be 200 "Danke ...".
local tokens, apiKey = {}, nil
local counter = 0

local created = 0
function setup(thread)
  created = created + 1
  thread:set("thread_no", created)
end

function init(args)
  local f = assert(io.open(os.getenv("DATA") or "data.txt"))
  apiKey = f:read("*l")
  for line in f:lines() do tokens[#tokens + 1] = line end
  f:close()
  counter = (thread_no or 0) * 7919
  wrk.method = "PUT"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-API-Key"] = apiKey
  wrk.path = (os.getenv("BASE_PATH") or "/api/tally") .. "/nfc-transaktion"
end

function request()
  counter = counter + 1
  local t = tokens[(counter % #tokens) + 1]
  return wrk.format(nil, nil, nil, string.format('{"token":"%s","beschreibung":"Bench terminal"}', t))
end

local bad = 0
function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
    if bad <= 3 then io.stderr:write("unexpected answer " .. status .. ": " .. body:sub(1, 200) .. "\n") end
  end
end

function done(summary, latency, requests)
  io.write(string.format("nfc bookings: %.0f req/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d (non-2xx %d)\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
