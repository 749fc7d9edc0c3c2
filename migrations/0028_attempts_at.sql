-- 0028_attempts_at: every counted attempt deletes the ones older than
-- the throttle window (throttle.c). Without an index on the time that
-- delete read the whole table each time: a flood of failed sign-ins or
-- sent views made every further one slower.

CREATE INDEX attempts_at ON attempts (at);
