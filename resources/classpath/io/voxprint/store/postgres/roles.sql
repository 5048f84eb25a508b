-- Voxprint on a shared PostgreSQL database: two roles with the least each desk needs.
--
--   voxprint_enroll   enrolls, renames and deletes speakers; verifies and identifies
--   voxprint_verify   verifies and identifies only (reads voiceprints, writes audit lines)
--
-- The audit log is append-only for both: neither may UPDATE, DELETE or TRUNCATE it, and a trigger
-- of the schema refuses those even to the tables' owner.
--
-- Run it as the owner of Voxprint's tables (the role that opened the database first, which created
-- the schema), after that first opening, and again after upgrading Voxprint:
--   psql "postgresql://owner@dbhost/voxprint" -f roles.sql
-- Then give each desk a login role in one of the two groups, for example:
--   CREATE ROLE desk_reception LOGIN PASSWORD '...' IN ROLE voxprint_verify;
--   CREATE ROLE desk_enrolment LOGIN PASSWORD '...' IN ROLE voxprint_enroll;
-- Running it twice is harmless. Protecting the database ('voxprint keys init|rotate|change-passphrase')
-- is the owner's: the desks' roles may read the key record but not change it.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'voxprint_enroll') THEN
    CREATE ROLE voxprint_enroll NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'voxprint_verify') THEN
    CREATE ROLE voxprint_verify NOLOGIN;
  END IF;
END $$;

-- nothing for anyone unless granted below
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO voxprint_enroll, voxprint_verify;

-- both: read speakers and their voiceprints (and the key record that unlocks them: it is no secret,
-- the data key in it is wrapped), keep the embedding cache, append to the audit log
GRANT SELECT ON voxprint_schema, property, speaker, enrollment, embedding TO voxprint_enroll, voxprint_verify;
GRANT SELECT, INSERT, UPDATE, DELETE ON embedding_cache TO voxprint_enroll, voxprint_verify;
GRANT SELECT, INSERT ON audit TO voxprint_enroll, voxprint_verify;

-- enrolling: speakers, recordings, voiceprints and kept audio
GRANT INSERT, UPDATE, DELETE ON speaker, enrollment, embedding TO voxprint_enroll;
GRANT SELECT, INSERT, UPDATE, DELETE ON kept_audio TO voxprint_enroll;

-- no one alters what was decided
REVOKE UPDATE, DELETE, TRUNCATE ON audit FROM voxprint_enroll, voxprint_verify;
