-- 0043_plain_topic_words: the topics on Raise a view in words a
-- 10-year-old reads, not the care system's ("placements", "designated
-- teachers", "allowances").
--
-- Only where a topic still has the words 0003 gave it.
UPDATE categories SET hint = 'foster homes, children''s homes, moving home, who you live with'
    WHERE key = 'placements' AND
    hint = 'placements, foster homes, children''s homes, moves';
UPDATE categories SET hint = 'school, college, the teacher at school who helps children in care, catching up'
    WHERE key = 'education' AND
    hint = 'school, college, designated teachers, catching up';
UPDATE categories SET name = 'Money'
    WHERE key = 'money' AND name = 'Money and allowances';
UPDATE categories SET hint = 'pocket money, saving up, money for clothes and birthdays'
    WHERE key = 'money' AND hint = 'pocket money, savings, allowances';
