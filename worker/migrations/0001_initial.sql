-- Accounts, refresh-token families, the access-token deny list and login throttling.

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    -- Comma-separated role names, e.g. 'user' or 'user,admin'.
    roles TEXT NOT NULL DEFAULT 'user',
    created_at INTEGER NOT NULL
);

-- One family per login: every refresh token rotated from it shares the family,
-- so reuse of a rotated token can revoke them all at once.
CREATE TABLE refresh_families (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);

-- Refresh tokens are stored only as their SHA-256.
CREATE TABLE refresh_tokens (
    token_hash TEXT PRIMARY KEY,
    family_id TEXT NOT NULL REFERENCES refresh_families(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);
CREATE INDEX refresh_tokens_by_family ON refresh_tokens(family_id);

-- Access tokens revoked by logout, kept until they would have expired anyway.
CREATE TABLE denied_access_tokens (
    jti TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL
);
CREATE INDEX denied_access_tokens_by_expiry ON denied_access_tokens(expires_at);

-- Failed logins per account name (known or not, so the answer never tells).
CREATE TABLE login_attempts (
    username TEXT PRIMARY KEY COLLATE NOCASE,
    failures INTEGER NOT NULL,
    locked_until INTEGER NOT NULL DEFAULT 0
);
