/**
 * Clients from around the world post in their own language: a Chinese title with "移动应用" inside it (no spaces
 * between words), a Japanese one, an Arabic one (articles and prefixes joined to the words) and a French one with
 * accents, so search in any script finds real projects on /projects ("移动应用", "アプリ", "تطبيقات", "cafe").
 */
import { postProject } from "../../../worker/domain/projects/projects";
import type { ProjectInput } from "../../../worker/domain/projects/input";
import type { Cast } from "./cast";
import type { StoryContext } from "./context";

const PROJECTS: Array<Pick<ProjectInput, "title" | "description" | "category" | "skills"> & { budget: [number, number] }> = [
  {
    title: "为连锁咖啡店开发移动应用和会员积分系统",
    description: "我们在上海有十二家咖啡店，需要一个 iOS 和 Android 移动应用：在线点单、会员积分、优惠券和门店地图。后台已有 REST 接口。",
    category: "mobile-development",
    skills: ["Flutter", "Android Development", "iOS Development"],
    budget: [600_000, 900_000],
  },
  {
    title: "旅館の予約サイトとスマートフォンアプリ開発",
    description: "京都の小さな旅館です。日本語と英語の予約ページ、空室カレンダー、スマートフォンアプリでのチェックインをお願いします。",
    category: "web-development",
    skills: ["JavaScript", "CSS"],
    budget: [400_000, 700_000],
  },
  {
    title: "تطوير متجر إلكتروني وتطبيقات الجوال لمحمصة قهوة في دبي",
    description:
      "نحتاج إلى مطور لبناء متجر إلكتروني باللغتين العربية والإنجليزية، مع تطبيق للجوال لطلب القهوة وتتبع الطلبات، ودعم الكتابة من اليمين إلى اليسار.",
    category: "web-development",
    skills: ["Shopify", "CSS"],
    budget: [350_000, 550_000],
  },
  {
    title: "Refonte du site d'un café-crèmerie à Montréal",
    description:
      "Notre café à Montréal veut un site bilingue (français et anglais) : menu, crèmes glacées de saison, réservations et une page « Événements ».",
    category: "web-development",
    skills: ["WordPress", "CSS"],
    budget: [150_000, 300_000],
  },
];

export async function projectsInOtherScripts(s: StoryContext, cast: Cast): Promise<void> {
  for (const [i, project] of PROJECTS.entries()) {
    await s.at(6 - i, 10 + i);
    const { budget, ...input } = project;
    await postProject(s.ctx, cast.otherClients[i % 2].user, {
      ...input,
      budgetType: "fixed",
      budgetMin: budget[0],
      budgetMax: budget[1],
      currency: "USD",
    });
  }
}
