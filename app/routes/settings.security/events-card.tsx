import { Link } from "@remix-run/react";
import { buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { LocalTime } from "~/components/ui/local-time";
import { describeDevice } from "./device";

export type EventRow = { id: string; type: string; at: string; ip: string | null; userAgent: string | null; detail: string | null };

const LABELS: Record<string, string> = {
  "auth.registered": "Account created",
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Failed sign-in attempt",
  "auth.new_device": "Sign-in from a new device",
  "auth.email_verified": "Email address confirmed",
  "auth.password_changed": "Password changed",
  "auth.password_reset": "Password reset by email",
  "auth.password_reset_requested": "Password reset requested",
  "auth.mfa_enabled": "Two-factor authentication turned on",
  "auth.mfa_disabled": "Two-factor authentication turned off",
  "auth.backup_codes_regenerated": "New backup codes made",
  "auth.backup_code_used": "Backup code used",
  "auth.passkey_added": "Passkey added",
  "auth.passkey_removed": "Passkey removed",
  "auth.role_added": "Role added",
};

export function EventsCard({ events, nextCursor, isFirstPage }: { events: EventRow[]; nextCursor: string | null; isFirstPage: boolean }) {
  return (
    <Card title="Recent security activity">
      {events.length === 0 ? (
        <EmptyState title="No activity yet" />
      ) : (
        <ul className="divide-y divide-[var(--border)]">
          {events.map((event) => (
            <li key={event.id} className="py-2.5">
              <p className="font-medium">
                {LABELS[event.type] ?? event.type}
                {event.detail ? <span className="text-muted font-normal"> ({event.detail})</span> : null}
              </p>
              <p className="text-muted text-sm">
                <LocalTime value={event.at} />
                {event.userAgent ? ` · ${describeDevice(event.userAgent)}` : ""}
                {event.ip ? ` · ${event.ip}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="Security activity pages" className="mt-3 flex justify-between gap-3">
        {isFirstPage ? (
          <span />
        ) : (
          <Link to="/settings/security" preventScrollReset className={buttonClass("secondary", "sm")}>
            Newest
          </Link>
        )}
        {nextCursor ? (
          <Link
            to={`/settings/security?cursor=${encodeURIComponent(nextCursor)}`}
            preventScrollReset
            className={buttonClass("secondary", "sm")}
          >
            Older activity
          </Link>
        ) : null}
      </nav>
    </Card>
  );
}
