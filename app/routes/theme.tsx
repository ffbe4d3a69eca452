import { redirect, type ActionFunctionArgs } from "@remix-run/cloudflare";
import { z } from "zod";
import { serializeThemeCookie } from "~/theme.server";

const themeSchema = z.object({ theme: z.enum(["light", "dark"]) });

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = themeSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return new Response("Unknown theme", { status: 400 });
  const back = request.headers.get("Referer");
  const target = back && new URL(back).origin === new URL(request.url).origin ? new URL(back).pathname : "/";
  return redirect(target, { headers: { "Set-Cookie": serializeThemeCookie(parsed.data.theme) } });
}
