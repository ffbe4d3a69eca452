import type { Role } from "../schema/values";

/** The three accounts `npm run dev` creates. Local seed only: never in a migration. */
export const DEMO_PASSWORD = "megilance-demo";
export const DEMO_ACCOUNTS: Array<{ email: string; name: string; roles: Role[] }> = [
  { email: "client@demo.test", name: "Casey Client", roles: ["client"] },
  { email: "freelancer@demo.test", name: "Frankie Freelancer", roles: ["freelancer"] },
  { email: "admin@demo.test", name: "Avery Admin", roles: ["admin"] },
];
