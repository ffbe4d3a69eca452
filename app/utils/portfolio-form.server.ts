import type { AppLoadContext } from "@remix-run/cloudflare";
import type { User } from "../../db/schema";
import { AppError } from "../../worker/domain/errors";
import { storeUpload } from "../../worker/domain/files/uploads";
import { MAX_PORTFOLIO_IMAGES, type PortfolioInput } from "../../worker/domain/profiles/input";
import { domainFrom } from "./domain.server";
import type { PortfolioFormValue } from "~/components/profile/portfolio-form";

/** One skill a line, as the skill picker sends them. */
export const skillLines = (text: string | undefined) =>
  (text ?? "")
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The form's fields as the domain's portfolio input: images kept in their chosen order, then newly chosen files,
 * stored only after the count is known to fit (a refused form stores nothing).
 */
export async function portfolioInputFromForm(
  context: AppLoadContext,
  user: User,
  form: FormData,
  value: PortfolioFormValue,
): Promise<PortfolioInput> {
  const kept = form.getAll("imageKeys").filter((v): v is string => typeof v === "string" && v.length > 0);
  const chosen = form.getAll("images").filter((v): v is File => typeof v !== "string" && v.size > 0);
  if (kept.length + chosen.length > MAX_PORTFOLIO_IMAGES) {
    const message = `Show at most ${MAX_PORTFOLIO_IMAGES} images; remove ${kept.length + chosen.length - MAX_PORTFOLIO_IMAGES}.`;
    throw new AppError(422, "validation_failed", message, { images: [message] });
  }
  const added: string[] = [];
  for (const file of chosen) {
    try {
      const stored = await storeUpload(domainFrom(context), context.cloudflare.env.FILES, user, {
        bytes: new Uint8Array(await file.arrayBuffer()),
        filename: file.name,
        purpose: "image",
      });
      added.push(stored.key);
    } catch (error) {
      if (error instanceof AppError)
        throw new AppError(error.status, error.code, `${file.name}: ${error.message}`, { images: [`${file.name}: ${error.message}`] });
      throw error;
    }
  }
  return {
    title: value.title,
    description: value.description ?? "",
    link: value.link ?? null,
    skills: skillLines(value.skills),
    imageKeys: [...kept, ...added],
    projectId: value.projectId || null,
  };
}
