import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { CallCard } from "~/components/call-card";
import { FilterSelect, SectorFilter } from "~/components/filters";
import { titledPage } from "~/lib/meta";
import { can } from "../../server/authz/policy";
import { Sector } from "../../server/db/generated/enums";

export const meta = titledPage("nav.calls");

/** The bucket in the URL, in Spanish: ?estado=abiertas|proximas|pasadas. */
const BUCKETS = { abiertas: "open", proximas: "upcoming", pasadas: "past" } as const;
type BucketWord = keyof typeof BUCKETS;
const BUCKET_WORDS = Object.keys(BUCKETS) as BucketWord[];
const SECTORS = Object.values(Sector);

/** The list's filters from its URL: an unknown value in a hand-edited link means "any" (or the open calls). */
function listFilters(params: URLSearchParams) {
  return {
    estado: BUCKET_WORDS.find((w) => w === params.get("estado")) ?? "abiertas",
    sector: SECTORS.find((s) => s === params.get("sector")),
    sponsor: params.get("patrocinador")?.trim().slice(0, 80) || undefined,
  };
}

export async function loader({ context, request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const filters = listFilters(params);
  const cursor = params.get("cursor") || undefined;
  const { actor } = context.ctx;
  const ownsSome = actor !== null && [...actor.memberships.values()].includes("OWNER");
  try {
    const [page, organizations, mine, myOrganizations] = await Promise.all([
      context.caller.calls.list({ bucket: BUCKETS[filters.estado], sector: filters.sector, sponsor: filters.sponsor, cursor, limit: 12 }),
      context.caller.organization.list({ limit: 50 }),
      ownsSome ? context.caller.calls.mine() : Promise.resolve([]),
      ownsSome ? context.caller.organization.mine() : Promise.resolve([]),
    ]);
    return json({
      ...page,
      filters,
      sponsors: organizations.items.map((o) => ({ value: o.slug, label: o.name })),
      mine,
      canCreate: can(actor, "call.create", null),
      canPropose: myOrganizations.some((o) => o.role === "OWNER" && o.verification === "VERIFIED"),
    });
  } catch (error) {
    // A hand-edited or truncated "more" link: the error page says what is wrong with it.
    const { httpStatus, message } = context.describeError(error);
    if (httpStatus === 400) throw json({ message }, { status: 400 });
    throw error;
  }
}

export default function CallsPage() {
  const { t } = useTranslation();
  const { items, nextCursor, filters, sponsors, mine, canCreate, canPropose } = useLoaderData<typeof loader>();
  const query = (estado: BucketWord, more?: string) => {
    const params = new URLSearchParams({ estado });
    if (filters.sector) params.set("sector", filters.sector);
    if (filters.sponsor) params.set("patrocinador", filters.sponsor);
    if (more) params.set("cursor", more);
    return `/convocatorias?${params.toString()}`;
  };
  const bucket = BUCKETS[filters.estado];
  return (
    <section className="page" aria-labelledby="calls-title">
      <div className="page-head">
        <div>
          <h1 id="calls-title">{t("nav.calls")}</h1>
          <p className="lead">{t("callList.lead")}</p>
        </div>
        {canCreate || canPropose ? (
          <p className="actions">
            {canCreate ? (
              <Link className="button" to="/convocatorias/nueva">
                {t("callList.create")}
              </Link>
            ) : null}
            {canPropose ? (
              <Link className={canCreate ? "button secondary" : "button"} to="/convocatorias/nueva">
                {t("callList.propose")}
              </Link>
            ) : null}
          </p>
        ) : null}
      </div>
      <nav className="tabs" aria-label={t("callList.tabs")}>
        <ul>
          {BUCKET_WORDS.map((word) => (
            <li key={word}>
              <Link to={query(word)} aria-current={word === filters.estado ? "page" : undefined}>
                {t(`callList.tab.${BUCKETS[word]}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="get" className="filters" role="search" aria-label={t("callList.filters")}>
        <input type="hidden" name="estado" value={filters.estado} />
        <SectorFilter label={t("callList.sector")} anyLabel={t("callList.allSectors")} value={filters.sector} />
        <FilterSelect
          id="patrocinador"
          name="patrocinador"
          label={t("callList.sponsor")}
          anyLabel={t("callList.allSponsors")}
          value={filters.sponsor}
          options={sponsors}
        />
        <button type="submit" className="secondary">
          {t("callList.apply")}
        </button>
      </Form>
      {items.length === 0 ? (
        <p role="status">{t("callList.empty", { bucket: t(`callList.tab.${bucket}`).toLowerCase() })}</p>
      ) : (
        <ul className="grid call-grid">
          {items.map((call) => (
            <CallCard key={call.id} call={call}>
              <p className="meta">{t("callList.submissions", { count: call.submissionCount })}</p>
            </CallCard>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <p className="pager">
          <Link to={query(filters.estado, nextCursor)}>{t("callList.more")}</Link>
        </p>
      ) : null}
      {mine.length > 0 ? (
        <section aria-labelledby="my-calls-title">
          <h2 id="my-calls-title">{t("callList.mine")}</h2>
          <ul className="grid call-grid">
            {mine.map((call) => (
              <CallCard key={call.id} call={call} headingLevel={3}>
                <p className="meta">{t("callList.mineOrganization", { name: call.organization.name })}</p>
                {call.statusReason && (call.status === "CHANGES_REQUESTED" || call.status === "REJECTED") ? (
                  <p className="notice">{t("callList.reason", { reason: call.statusReason })}</p>
                ) : null}
                {call.status === "PROPOSED" || call.status === "CHANGES_REQUESTED" ? (
                  <p>
                    <Link to={`/convocatorias/${call.slug}/editar`}>
                      {t("callList.edit")}
                      <span className="visually-hidden"> «{call.title}»</span>
                    </Link>
                  </p>
                ) : null}
              </CallCard>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
