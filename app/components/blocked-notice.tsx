import { Link } from "@remix-run/react";

export interface BlockedNotice {
  code: "account_blocked";
  message: string;
  appealPath: string;
}

export function isBlockedNotice(data: unknown): data is BlockedNotice {
  return typeof data === "object" && data !== null && (data as { code?: unknown }).code === "account_blocked";
}

/** What a blocked account sees instead of any page: the reason, and the way to appeal. */
export function BlockedNoticePage({ notice, inFrame = false }: { notice: BlockedNotice; inFrame?: boolean }) {
  const body = (
    <>
      <p className="text-sm font-semibold tracking-widest text-red-700 dark:text-red-300">Error 403</p>
      <h1 className="mt-3 text-3xl font-bold tracking-tight">Your account is blocked</h1>
      <p className="text-muted mt-4">{notice.message}</p>
      <Link
        to={notice.appealPath}
        className="mt-8 inline-block rounded-[var(--radius-control)] bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
      >
        Appeal the block
      </Link>
    </>
  );
  return inFrame ? (
    <div className="py-10">{body}</div>
  ) : (
    <main id="main" className="mx-auto flex max-w-xl flex-col items-center px-6 py-24 text-center">
      {body}
    </main>
  );
}
