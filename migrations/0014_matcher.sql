-- The matcher now has built-in rules (app/core/safeguarding_scan.c) that
-- read words in context. Two shipped one-word phrases flagged ordinary
-- talk ("a gang of us went bowling", "knife and fork skills club"); the
-- rules "exploitation:gang-pressure" and "violence:weapon" (which skips
-- "knife and fork", "nerf gun" and the like) cover them instead.
DELETE FROM safeguarding_phrases WHERE phrase IN ('gang', 'knife');
