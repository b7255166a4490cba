import type { MetaFunction } from "@remix-run/node";
import { ComingSoon } from "~/components/coming-soon";

export const meta: MetaFunction = () => [{ title: "Indicadores · Cocrea" }];

export default function Page() {
  return <ComingSoon titleKey="nav.indicators" descriptionKey="soon.indicators" />;
}
