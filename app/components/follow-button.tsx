import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

/**
 * Follow or unfollow an idea: a plain POST form (works without JavaScript) to the idea's
 * /seguir action, which comes back to the idea page.
 */
export function FollowButton({ ideaId, following, busy }: { ideaId: string; following: boolean; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <Form method="post" action={`/ideas/${ideaId}/seguir`} className="follow-form" id="seguir">
      <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
      <p className="hint" role="status">
        {following ? t("follow.following") : t("follow.hint")}
      </p>
      <button type="submit" className={following ? "small secondary" : "small"} disabled={busy}>
        {following ? t("follow.unfollow") : t("follow.follow")}
      </button>
    </Form>
  );
}
