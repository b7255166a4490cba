-- Hand-written: the database clock reads the start of the current statement, not of its
-- transaction. A use case that waits on a lock (submissions serialize per person and call) then
-- checks a deadline against the moment it actually decides, not the moment its transaction began.
CREATE OR REPLACE FUNCTION cocrea_now() RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT statement_timestamp() + make_interval(secs => coalesce((SELECT "offsetMs" FROM "ClockOffset" WHERE "id" = 1), 0) / 1000.0)
$$;
