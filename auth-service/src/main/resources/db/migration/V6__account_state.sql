-- email_verified: the owner of the address proved it (a verification link, a password reset, or a provider that
-- vouches for the address). disabled: an administrator turned the account off; it cannot sign in in any way.
ALTER TABLE users ADD COLUMN email_verified boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN disabled boolean NOT NULL DEFAULT false;

-- A social account keeps its e-mail only when the provider vouched for it (see SocialProfile).
UPDATE users SET email_verified = true WHERE provider <> 'LOCAL' AND email IS NOT NULL;
