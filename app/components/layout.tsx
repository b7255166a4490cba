import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "~/i18n/react";
import type { Locale } from "~/i18n";
import type { Role } from "../../server/db/generated/enums";

interface HeaderUser {
  id: string;
  name: string;
  role: Role;
}

const NAV = [
  { to: "/ideas", key: "nav.ideas" },
  { to: "/organizaciones", key: "nav.organizations" },
  { to: "/convocatorias", key: "nav.calls" },
  { to: "/alianzas", key: "nav.alliances" },
  { to: "/espacios", key: "nav.spaces" },
  { to: "/indicadores", key: "nav.indicators" },
] as const;

/** Unread notifications beyond this show as "99+" (the count itself stops at 100). */
const MAX_SHOWN_UNREAD = 99;

export function SiteHeader({ user, locale, unread = null }: { user: HeaderUser | null; locale: Locale; unread?: number | null }) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = location.pathname + location.search;
  const menu = useRef<HTMLDetailsElement>(null);
  // On narrow screens the menu is a disclosure; after choosing a page it should not stay open over it.
  const shownPath = useRef(location.pathname);
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    if (menu.current) menu.current.open = false;
  }, [location.pathname]);
  return (
    <header className="site-header">
      <a className="skip-link" href="#contenido">
        {t("nav.skip")}
      </a>
      <div className="header-inner">
        {/* No aria-label: the accessible name must contain the visible text (WCAG 2.5.3). */}
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          <span>
            <span className="brand-name">{t("app.name")}</span>
            <span className="brand-tagline">{t("app.tagline")}</span>
          </span>
        </Link>
        {/* <details> works without JavaScript; on wide screens CSS shows its content and hides the button. */}
        <details className="site-menu" ref={menu}>
          <summary>
            <span className="menu-icon" aria-hidden="true" />
            {t("nav.menu")}
          </summary>
          <div className="site-menu-body">
            <nav aria-label={t("nav.label")} className="main-nav">
              <ul>
                {NAV.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} prefetch="intent">
                      {t(item.key)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="header-tools">
              <nav aria-label={t("account.menu")} className="account-menu">
                {user ? (
                  <ul>
                    <li className="account-name">
                      <span className="visually-hidden">{t("account.signedInAs", { name: user.name })}</span>
                      <span aria-hidden="true">{user.name}</span>
                    </li>
                    {user.role !== "SECRETARIAT" ? (
                      <>
                        <li>
                          <NavLink to="/mis-ideas">{t("nav.myIdeas")}</NavLink>
                        </li>
                        <li>
                          <NavLink to="/mis-organizaciones">{t("nav.myOrganizations")}</NavLink>
                        </li>
                        <li>
                          <NavLink to="/reservas">{t("nav.myBookings")}</NavLink>
                        </li>
                      </>
                    ) : (
                      <>
                        <li>
                          <NavLink to="/moderacion">{t("nav.moderation")}</NavLink>
                        </li>
                        <li>
                          <NavLink to="/espacios/gestion">{t("nav.spaceAdmin")}</NavLink>
                        </li>
                      </>
                    )}
                    <li>
                      <NotificationsLink unread={unread} />
                    </li>
                    <li>
                      <Link to="/salir">{t("account.logout")}</Link>
                    </li>
                  </ul>
                ) : (
                  <ul>
                    <li>
                      <Link to={`/ingresar?redirectTo=${encodeURIComponent(here)}`}>{t("account.login")}</Link>
                    </li>
                    <li>
                      <Link to="/registro" className="button small">
                        {t("account.register")}
                      </Link>
                    </li>
                  </ul>
                )}
              </nav>
              {/* A full page load: the browser holds only the copy of the language it was rendered in. */}
              <Form method="post" action="/idioma" className="language-form" reloadDocument>
                <input type="hidden" name="redirectTo" value={here} />
                <label htmlFor="language-select">{t("lang.label")}</label>
                <select id="language-select" name="locale" defaultValue={locale}>
                  <option value="es" lang="es">
                    {t("lang.es")}
                  </option>
                  <option value="en" lang="en">
                    {t("lang.en")}
                  </option>
                </select>
                <button type="submit" className="small secondary">
                  {t("lang.change")}
                </button>
              </Form>
            </div>
          </div>
        </details>
      </div>
    </header>
  );
}

/** The visible count is a number; its accessible name says what it counts ("3 sin leer"). */
function NotificationsLink({ unread }: { unread: number | null }) {
  const { t } = useTranslation();
  const many = unread !== null && unread > MAX_SHOWN_UNREAD;
  return (
    <NavLink to="/notificaciones" className="notifications-link">
      {t("nav.notifications")}
      {unread ? (
        <>
          {" "}
          <span className="count-badge" aria-hidden="true" data-testid="unread-count">
            {many ? `${MAX_SHOWN_UNREAD}+` : unread}
          </span>
          <span className="visually-hidden">{many ? t("nav.notificationsMany") : t("nav.notificationsUnread", { count: unread })}</span>
        </>
      ) : null}
    </NavLink>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t("footer.about")}</p>
      <p>{t("app.owner")}</p>
      <p>
        <Link to="/datos">{t("nav.openData")}</Link>
      </p>
    </footer>
  );
}
