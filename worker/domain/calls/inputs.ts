import { z } from "zod";
import { idParam } from "../messaging/inputs";

/** A call starts from exactly one place: a conversation or a contract. */
export const startCallInput = z
  .object({ conversationId: idParam.optional(), contractId: idParam.optional() })
  .refine((v) => Boolean(v.conversationId) !== Boolean(v.contractId), {
    message: "Give either conversationId or contractId.",
    path: ["conversationId"],
  });
export type StartCallInput = z.infer<typeof startCallInput>;
