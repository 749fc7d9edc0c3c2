-- soak.lua: wrk script for test_soak: mixed reads and writes as a signed-in
-- young person (SOAK_COOKIE, SOAK_CSRF, SOAK_ORIGIN from the test). One
-- request in five sends a new view; each acknowledged one (303) is counted
-- and the total printed as "acknowledged views: N" for the test to check
-- against the database.
local cookie = os.getenv("SOAK_COOKIE")
local csrf = os.getenv("SOAK_CSRF")
local origin = os.getenv("SOAK_ORIGIN")
local threads = {}
local n = 0
acked = 0
other = 0	-- answers to a sent view that were not 303 (for the log)

setup = function(thread)
  table.insert(threads, thread)
end

request = function()
  n = n + 1
  local k = n % 5
  if k == 0 then
    return wrk.format("POST", "/views/new", {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Cookie"] = cookie, ["Origin"] = origin },
      "csrf=" .. csrf .. "&category=2&title=Soak&body=Sent+during+the+soak&publish=no")
  elseif k == 1 then
    return wrk.format("GET", "/pledge")
  elseif k == 2 then
    return wrk.format("GET", "/views", { ["Cookie"] = cookie })
  elseif k == 3 then
    return wrk.format("GET", "/you-said-we-did")
  end
  return wrk.format("GET", "/pledge/scorecard")
end

response = function(status, headers, body)
  if status == 303 then
    acked = acked + 1
  elseif status ~= 200 and status ~= 304 then
    other = other + 1
    if other <= 3 then
      io.write(string.format("answer %d: %s\n", status, body:sub(1, 300)))
    end
  end
end

done = function(summary, latency, requests)
  local total, odd = 0, 0
  for _, t in ipairs(threads) do
    total = total + t:get("acked")
    odd = odd + t:get("other")
  end
  io.write(string.format("other answers: %d\n", odd))
  io.write(string.format("acknowledged views: %d\n", total))
  io.write(string.format("slowest answer: %.0f ms\n", latency.max / 1000))
end
