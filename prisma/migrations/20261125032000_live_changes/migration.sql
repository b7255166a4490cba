-- Hand-written: live indicators (server/live/changes.ts). Every statement that changes a table the
-- indicators read sends one NOTIFY on "cocrea_changes" with the table's name. PostgreSQL delivers it
-- at commit (a rolled-back change sends nothing) and folds identical notifications of one
-- transaction into one, so a use case touching many rows costs listeners a single message.
CREATE OR REPLACE FUNCTION cocrea_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('cocrea_changes', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  watched text;
BEGIN
  FOREACH watched IN ARRAY ARRAY[
    'Idea', 'IdeaEvent', 'IdeaSupport', 'Comment', 'Organization', 'Call', 'CallSubmission',
    'CallParticipation', 'Alliance', 'AllianceParty', 'Commitment', 'Booking'
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER cocrea_live_changes AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH STATEMENT EXECUTE FUNCTION cocrea_notify_change()',
      watched
    );
  END LOOP;
END;
$$;
