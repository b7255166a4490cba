-- Written by hand: Prisma's schema language cannot express partial or expression indexes,
-- functions or triggers.

-- Ideas the foundation created were published on creation: they keep that state, and an idea
-- published without a date gets its creation date (public lists are ordered by publication).
UPDATE "Idea" SET "publishedAt" = "createdAt" WHERE "publishedAt" IS NULL AND "status" = 'PUBLISHED';

-- Public lists show PUBLISHED, IN_DEVELOPMENT and INCUBATED ideas, newest publication first.
-- Partial indexes hold exactly those rows, in list order, so every page is a range read
-- however deep, for the whole list and for each filter. The predicate must be written the
-- same way in server/idea/queries.ts for the planner to use them.
DROP INDEX IF EXISTS "Idea_status_createdAt_id_idx";
DROP INDEX IF EXISTS "Idea_sector_status_createdAt_id_idx";
CREATE INDEX "Idea_public_idx" ON "Idea" ("publishedAt" DESC, "id" DESC)
  WHERE "status" IN ('PUBLISHED', 'IN_DEVELOPMENT', 'INCUBATED');
CREATE INDEX "Idea_public_sector_idx" ON "Idea" ("sector", "publishedAt" DESC, "id" DESC)
  WHERE "status" IN ('PUBLISHED', 'IN_DEVELOPMENT', 'INCUBATED');
CREATE INDEX "Idea_public_organization_idx" ON "Idea" ("organizationId", "publishedAt" DESC, "id" DESC)
  WHERE "status" IN ('PUBLISHED', 'IN_DEVELOPMENT', 'INCUBATED');
-- One state (the state filter, the moderation queues): (status, publishedAt) for public
-- states, (status, submittedAt) for the review queue.
CREATE INDEX "Idea_status_published_idx" ON "Idea" ("status", "publishedAt" DESC, "id" DESC);
CREATE INDEX "Idea_status_submitted_idx" ON "Idea" ("status", "submittedAt", "id");

-- Spanish full-text search over title (weight A), summary (B), problem and solution (C),
-- accent-insensitive. Function bodies name their schema: PostgreSQL 17 builds indexes with a
-- search_path of pg_catalog only.
DROP INDEX IF EXISTS "Idea_search_idx";
DROP FUNCTION IF EXISTS cocrea_idea_search(text, text);
CREATE OR REPLACE FUNCTION cocrea_idea_search(title text, summary text, problem text, solution text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector('pg_catalog.spanish'::regconfig, public.cocrea_unaccent(coalesce(title, ''))), 'A')
            || setweight(to_tsvector('pg_catalog.spanish'::regconfig, public.cocrea_unaccent(coalesce(summary, ''))), 'B')
            || setweight(to_tsvector('pg_catalog.spanish'::regconfig,
                                     public.cocrea_unaccent(coalesce(problem, '') || ' ' || coalesce(solution, ''))), 'C') $$;
CREATE INDEX "Idea_search_idx" ON "Idea" USING gin (cocrea_idea_search("title", "summary", "problem", "solution"));

-- The audit log is append-only: PostgreSQL itself refuses to change or remove an entry.
CREATE OR REPLACE FUNCTION cocrea_audit_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    RAISE EXCEPTION 'AuditEntry is append-only: % is not allowed', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END $$;
CREATE TRIGGER "AuditEntry_append_only_rows" BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION cocrea_audit_append_only();
CREATE TRIGGER "AuditEntry_append_only_truncate" BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION cocrea_audit_append_only();

-- Public lists are ordered by publication: an idea that is or was public has its date.
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_public_has_publishedAt"
  CHECK ("status" NOT IN ('PUBLISHED', 'IN_DEVELOPMENT', 'INCUBATED', 'ARCHIVED', 'HIDDEN') OR "publishedAt" IS NOT NULL);
