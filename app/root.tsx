import { data as dataWithHeaders, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  isRouteErrorResponse,
  useLoaderData,
  useRouteLoaderData,
  useMatches,
} from "@remix-run/react";
import { useEffect } from "react";
import styles from "./styles/app.css?url";
import { readTheme, type Theme } from "./theme.server";
import { SiteHeader } from "./components/site-header";
import { ErrorPage } from "./components/error-page";
import { BlockedNoticePage, isBlockedNotice } from "./components/blocked-notice";
import { rootViewer } from "./utils/root-viewer.server";
import { pageTimeZone } from "./utils/time-zone.server";
import { TIME_ZONE_BOOT } from "./utils/time-zone";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** Pages set their own titles; the error pages rendered from here (and a blocked account's notice) need theirs. */
export const meta: MetaFunction = ({ error }) => {
  if (!error) return [];
  if (isRouteErrorResponse(error) && isBlockedNotice(error.data)) return [{ title: "Account blocked — MegiLance" }];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return [{ title: `${status === 404 ? "Page not found" : status === 403 ? "Not allowed" : "Something went wrong"} — MegiLance` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [theme, { viewer, setCookie }] = await Promise.all([readTheme(request), rootViewer(request, context)]);
  const { timeZone, source: timeZoneSource } = pageTimeZone(request, viewer);
  // `renderedAt`: the moment clocks on the page (someone's local time) first show, the same on server and hydration.
  return dataWithHeaders(
    { theme, viewer, timeZone, timeZoneSource, renderedAt: Date.now() },
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

/** Applies the stored choice before paint; without one, follows the system setting. */
const THEME_BOOT = `(function(){var m=document.cookie.match(/(?:^|; )theme=([^;]+)/);var t=m?m[1]:null;if(!t){t=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}document.documentElement.classList.toggle('dark',t==='dark');document.documentElement.dataset.theme=t})()`;

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const theme: Theme | null = data?.theme ?? null;
  // Portal pages bring their own top bar; an error page keeps the site header.
  const inPortal = useMatches().some((match) => (match.handle as { portal?: boolean } | undefined)?.portal && match.data !== undefined);
  // Hydration runs as a transition, in chunks: only once it has committed do forms and buttons answer to the page's
  // scripts. `data-interactive` on <html> says so (the browser journeys wait for it before typing).
  useEffect(() => {
    document.documentElement.dataset.interactive = "true";
  }, []);
  return (
    <html lang="en" className={theme === "dark" ? "dark" : undefined} data-theme={theme ?? undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT }} />
        <script dangerouslySetInnerHTML={{ __html: TIME_ZONE_BOOT }} />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen font-sans antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-brand-600 focus:px-3 focus:py-2 focus:text-white"
        >
          Skip to content
        </a>
        {inPortal ? null : <SiteHeader theme={theme} viewer={data?.viewer ?? null} />}
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && isBlockedNotice(error.data)) return <BlockedNoticePage notice={error.data} />;
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <ErrorPage
        status={404}
        title="Page not found"
        message="We could not find that page. It may have moved, or the link may be mistyped."
      />
    );
  }
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <ErrorPage
        status={403}
        title="Not allowed"
        message={typeof error.data === "string" && error.data ? error.data : "Your account cannot open this page."}
      />
    );
  }
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <ErrorPage
      status={status}
      title="Something went wrong"
      message="An unexpected error happened on our side. Please try again in a moment."
    />
  );
}
