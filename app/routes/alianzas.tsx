import type { MetaFunction } from "@remix-run/node";
import { ComingSoon } from "~/components/coming-soon";

export const meta: MetaFunction = () => [{ title: "Alianzas · Cocrea" }];

export default function Page() {
  return <ComingSoon titleKey="nav.alliances" descriptionKey="soon.alliances" />;
}
