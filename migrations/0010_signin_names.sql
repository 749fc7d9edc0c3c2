-- 0010_signin_names: a sign-in name private to its owner.
--
-- display_name is what everyone sees; signin_name is what its owner types
-- to sign in, shown to nobody else. Existing accounts keep signing in with
-- the name they have always used until they choose another. signin_key is
-- signin_name folded (namefold.c), as name_key is display_name folded.

ALTER TABLE users ADD COLUMN signin_name TEXT;
ALTER TABLE users ADD COLUMN signin_key TEXT;

UPDATE users SET signin_name = display_name, signin_key = name_key;

CREATE UNIQUE INDEX users_signin_key ON users (signin_key);

-- An account inserted without a sign-in name signs in with its display
-- name, as every account did before this migration.
CREATE TRIGGER users_signin_default AFTER INSERT ON users
WHEN NEW.signin_key IS NULL
BEGIN
	UPDATE users SET signin_name = NEW.display_name,
	    signin_key = NEW.name_key WHERE id = NEW.id;
END;
