-- post_view.lua: wrk script for core_pages: every request is a new view,
-- sent by the next of the signed-in young people listed in the file
-- SOAK_SENDERS (one "cookie<TAB>form token" line each), in turn.
local senders = {}
for line in io.lines(os.getenv("SOAK_SENDERS")) do
  local cookie, csrf = line:match("^(.-)\t(.*)$")
  senders[#senders + 1] = {
    cookie = cookie,
    body = "csrf=" .. csrf ..
      "&category=3&title=Benchmark&body=A+view+sent+by+the+benchmark&publish=no",
  }
end
local next = 0
request = function()
  next = next % #senders + 1
  local s = senders[next]
  return wrk.format("POST", "/views/new", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = s.cookie, ["Origin"] = os.getenv("SOAK_ORIGIN") }, s.body)
end
