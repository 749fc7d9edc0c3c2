-- gzip.lua: wrk script for core_pages: a GET that takes gzip, as every
-- browser and `curl --compressed` does (kept whole answers are also kept
-- gzipped: app/core/pagecache.c).
wrk.headers["Accept-Encoding"] = "gzip"
