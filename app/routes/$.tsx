import { json } from "@remix-run/node";

/** Any unknown path: the root error boundary renders the 404 page. */
export const loader = () => {
  throw json(null, { status: 404 });
};

export default function NotFound() {
  return null;
}
