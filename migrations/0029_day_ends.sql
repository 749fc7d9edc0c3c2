-- 0029_day_ends: the end of a day named in a form was its midnight plus
-- 86,400 seconds, an hour out on the two days a year the clocks change.
-- Now it is the next midnight (time_day_after). Commentary on a board
-- report is keyed by its period's end, and a consultation closes at the
-- end of its last day: an end stored an hour out (a day's midnight plus
-- 86,400 s, landing at 01:00 or 23:00) is moved to midnight, so the
-- commentary is found again and the consultation closes on time. The
-- server and portalctl set the council's time zone before migrating, so
-- 'localtime' here is the clock the forms used.

UPDATE report_commentary SET period_to = period_to +
	CASE strftime('%H:%M:%S', period_to, 'unixepoch', 'localtime')
	WHEN '01:00:00' THEN -3600 ELSE 3600 END
	WHERE strftime('%H:%M:%S', period_to - 86400, 'unixepoch',
	    'localtime') = '00:00:00' AND strftime('%H:%M:%S', period_to,
	    'unixepoch', 'localtime') IN ('01:00:00', '23:00:00');
UPDATE consultations SET closes_at = closes_at +
	CASE strftime('%H:%M:%S', closes_at, 'unixepoch', 'localtime')
	WHEN '01:00:00' THEN -3600 ELSE 3600 END
	WHERE strftime('%H:%M:%S', closes_at - 86400, 'unixepoch',
	    'localtime') = '00:00:00' AND strftime('%H:%M:%S', closes_at,
	    'unixepoch', 'localtime') IN ('01:00:00', '23:00:00');
