import { z } from "zod";
import { timestampSchema, type SameShape } from "../shared/views";
import type { NotificationView } from "./center";
import type { ChannelPreference } from "./types";

export const notificationViewSchema = z.object({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  read: z.boolean(),
  readAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
});

export const notificationViewShape: SameShape<NotificationView, z.infer<typeof notificationViewSchema>> = true;

/** Whether one kind of notification is e-mailed and shown in the app. */
export const channelPreferenceSchema = z.object({ email: z.boolean(), inApp: z.boolean() });
/** The viewer's choice for every notification type, by type. */
export const notificationPreferencesSchema = z.record(z.string(), channelPreferenceSchema);
/** Each notification type with its label and who receives it. */
export const notificationTypesSchema = z.record(
  z.string(),
  z.object({ label: z.string(), audience: z.enum(["client", "freelancer", "admin", "any"]) }),
);

export const channelPreferenceShape: SameShape<ChannelPreference, z.infer<typeof channelPreferenceSchema>> = true;
