-- soak.lua: wrk script for test_soak: mixed reads and writes as a signed-in
-- young person (SOAK_COOKIE, SOAK_CSRF, SOAK_ORIGIN from the test).
local cookie = os.getenv("SOAK_COOKIE")
local csrf = os.getenv("SOAK_CSRF")
local origin = os.getenv("SOAK_ORIGIN")
local n = 0

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
