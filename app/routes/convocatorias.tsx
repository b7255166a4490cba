import type { MetaFunction } from "@remix-run/node";
import { ComingSoon } from "~/components/coming-soon";

export const meta: MetaFunction = () => [{ title: "Convocatorias · Cocrea" }];

export default function Page() {
  return <ComingSoon titleKey="nav.calls" descriptionKey="soon.calls" />;
}
