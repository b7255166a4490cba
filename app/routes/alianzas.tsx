import { ComingSoon } from "~/components/coming-soon";
import { titledPage } from "~/lib/meta";

export const meta = titledPage("nav.alliances");

export default function Page() {
  return <ComingSoon titleKey="nav.alliances" descriptionKey="soon.alliances" />;
}
