import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { logout } from "~/lib/auth.server";
import { readForm } from "~/lib/csrf.server";

export async function action({ request }: ActionFunctionArgs) {
  await readForm(request);
  return logout(request);
}

export const loader = () => redirect("/");
