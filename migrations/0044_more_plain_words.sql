-- 0044_more_plain_words: words on the Pledge and its check that young
-- people asked about (review 112), explained the first time a page uses
-- them. A council that wrote its own already keeps its own.
INSERT OR IGNORE INTO glossary (term, plain) VALUES
	('Independent Reviewing Officer', 'the person who checks your care '
	    || 'plan is working'),
	('advocate', 'someone on your side who helps you say what you want'),
	('care plan', 'the plan for how you are looked after and what you '
	    || 'need');
