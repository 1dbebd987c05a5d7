-- Counts the requests each wrk thread sent, so the exactness check can bound the server's count:
-- completed <= views added <= sent (a request in flight when wrk stops may or may not have been counted).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  sent = 0
end

function request()
  sent = sent + 1
  return wrk.request()
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("sent")
  end
  io.write(string.format("SENT %d\n", total))
end
