-- Login throttling per name and client address, and per name from anywhere:
-- one row per key ('client <address> <name>' or 'name <name>'), counted
-- before the password is checked. Counts kept under the old scheme are
-- dropped (they only delayed logins).
DROP TABLE login_attempts;
CREATE TABLE login_attempts (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    locked_until INTEGER NOT NULL DEFAULT 0
);
