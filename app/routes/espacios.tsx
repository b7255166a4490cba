import type { MetaFunction } from "@remix-run/node";
import { ComingSoon } from "~/components/coming-soon";

export const meta: MetaFunction = () => [{ title: "Espacios · Cocrea" }];

export default function Page() {
  return <ComingSoon titleKey="nav.spaces" descriptionKey="soon.spaces" />;
}
