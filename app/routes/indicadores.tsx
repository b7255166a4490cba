import { ComingSoon } from "~/components/coming-soon";
import { titledPage } from "~/lib/meta";

export const meta = titledPage("nav.indicators");

export default function Page() {
  return <ComingSoon titleKey="nav.indicators" descriptionKey="soon.indicators" />;
}
