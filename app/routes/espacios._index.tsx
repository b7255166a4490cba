import { ComingSoon } from "~/components/coming-soon";
import { titledPage } from "~/lib/meta";

export const meta = titledPage("nav.spaces");

export default function Page() {
  return <ComingSoon titleKey="nav.spaces" descriptionKey="soon.spaces" />;
}
