import { ComingSoon } from "~/components/coming-soon";
import { titledPage } from "~/lib/meta";

export const meta = titledPage("nav.calls");

export default function Page() {
  return <ComingSoon titleKey="nav.calls" descriptionKey="soon.calls" />;
}
