-- Written by hand: Prisma's schema language cannot express functions or expression indexes.
-- Spanish full-text search over an idea's title and summary, accent-insensitive ("energia"
-- finds "energía"). unaccent() is not IMMUTABLE (its dictionary could change), so it is called
-- through a wrapper that names the dictionary, which an index may use. Function bodies name
-- their schema: PostgreSQL 17 builds indexes with a search_path of pg_catalog only.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE OR REPLACE FUNCTION cocrea_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;

CREATE OR REPLACE FUNCTION cocrea_idea_search(title text, summary text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT to_tsvector('pg_catalog.spanish'::regconfig,
                           public.cocrea_unaccent(coalesce(title, '') || ' ' || coalesce(summary, ''))) $$;

CREATE INDEX "Idea_search_idx" ON "Idea" USING gin (cocrea_idea_search("title", "summary"));
