-- 0007_holidays: days that are not working days, besides weekends, so
-- "20 working days" means what a council means by it. Admins keep the
-- list at /admin/holidays; it starts with the bank holidays in England
-- and Wales that GOV.UK has announced.
CREATE TABLE holidays (
	id	INTEGER PRIMARY KEY,
	day	TEXT NOT NULL UNIQUE CHECK (day GLOB
		    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	name	TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80)
) STRICT;

INSERT INTO holidays (day, name) VALUES
	('2026-01-01', 'New Year''s Day'),
	('2026-04-03', 'Good Friday'),
	('2026-04-06', 'Easter Monday'),
	('2026-05-04', 'Early May bank holiday'),
	('2026-05-25', 'Spring bank holiday'),
	('2026-08-31', 'Summer bank holiday'),
	('2026-12-25', 'Christmas Day'),
	('2026-12-28', 'Boxing Day (substitute day)'),
	('2027-01-01', 'New Year''s Day'),
	('2027-03-26', 'Good Friday'),
	('2027-03-29', 'Easter Monday'),
	('2027-05-03', 'Early May bank holiday'),
	('2027-05-31', 'Spring bank holiday'),
	('2027-08-30', 'Summer bank holiday'),
	('2027-12-27', 'Christmas Day (substitute day)'),
	('2027-12-28', 'Boxing Day (substitute day)'),
	('2028-01-03', 'New Year''s Day (substitute day)'),
	('2028-04-14', 'Good Friday'),
	('2028-04-17', 'Easter Monday'),
	('2028-05-01', 'Early May bank holiday'),
	('2028-05-29', 'Spring bank holiday'),
	('2028-08-28', 'Summer bank holiday'),
	('2028-12-25', 'Christmas Day'),
	('2028-12-26', 'Boxing Day');
