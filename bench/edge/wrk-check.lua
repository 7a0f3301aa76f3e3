-- wrk script for `make bench` (bench/edge.mjs): counts every response whose
-- status or body is not the expected one, and prints the run as one JSON line.
-- Arguments (after `--`): the expected status and a text the body must contain.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  expected_status = tonumber(args[1])
  expected_text = args[2]
  wrong = 0
end

function response(status, headers, body)
  if status ~= expected_status or not string.find(body, expected_text, 1, true) then
    wrong = wrong + 1
  end
end

function done(summary, latency, requests)
  local wrong_total = 0
  for _, thread in ipairs(threads) do
    wrong_total = wrong_total + thread:get("wrong")
  end
  local errors = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"duration_us":%d,"wrong":%d,"socket_errors":%d,"p50_us":%d,"p99_us":%d}\n',
    summary.requests, summary.duration, wrong_total,
    errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end
