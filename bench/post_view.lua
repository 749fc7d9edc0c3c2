-- post_view.lua: wrk script for core_pages: every request is a new view,
-- sent with a real session and form token (from the environment).
local body = "csrf=" .. os.getenv("SOAK_CSRF") ..
  "&category=3&title=Benchmark&body=A+view+sent+by+the+benchmark&publish=no"
request = function()
  return wrk.format("POST", "/views/new", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = os.getenv("SOAK_COOKIE"), ["Origin"] = os.getenv("SOAK_ORIGIN") },
    body)
end
