import { Form, Link } from "@remix-run/react";
import { MAX_PORTFOLIO_ITEMS } from "../../../worker/domain/profiles/input";
import { Button, buttonClass } from "../ui/button";
import { Card } from "../ui/card";
import { ConfirmButton } from "../ui/confirm";
import { EmptyState } from "../ui/empty-state";

type ManagedItem = { id: string; title: string; images: Array<{ key: string }>; skills: Array<{ slug: string; name: string }> };

/** The freelancer's own portfolio on /freelancer/profile: add, edit, move and delete items. */
export function PortfolioManager({ items }: { items: ManagedItem[] }) {
  return (
    <Card>
      <div id="portfolio" className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">Portfolio</h2>
        {items.length < MAX_PORTFOLIO_ITEMS ? (
          <Link to="/freelancer/portfolio/new" className={buttonClass("primary", "sm")}>
            Add a portfolio item
          </Link>
        ) : null}
      </div>
      {items.length === 0 ? (
        <EmptyState title="Show clients what you have made">Add work samples with images, a link and the skills you used.</EmptyState>
      ) : (
        <ol className="mt-4 space-y-3" aria-label="Your portfolio, in the order clients see it">
          {items.map((item, index) => (
            <li key={item.id} className="border-subtle flex min-w-0 flex-wrap items-center gap-3 rounded-card border p-3">
              {item.images[0] ? (
                <img
                  src={`/api/files/${encodeURIComponent(item.images[0].key)}`}
                  alt=""
                  className="h-14 w-20 shrink-0 rounded object-cover"
                />
              ) : (
                <span aria-hidden="true" className="bg-brand-50 h-14 w-20 shrink-0 rounded" />
              )}
              <div className="min-w-0 flex-1">
                <p className="font-medium break-words">{item.title}</p>
                <p className="text-muted text-sm">
                  {item.images.length} image{item.images.length === 1 ? "" : "s"}
                  {item.skills.length ? ` · ${item.skills.map((s) => s.name).join(", ")}` : ""}
                </p>
              </div>
              <div className="flex flex-wrap gap-1">
                <Link to={`/freelancer/portfolio/${item.id}`} className={buttonClass("secondary", "sm")}>
                  Edit<span className="sr-only"> {item.title}</span>
                </Link>
                <Form method="post" action={`/freelancer/portfolio/${item.id}`}>
                  <Button name="intent" value="up" variant="secondary" size="sm" disabled={index === 0}>
                    Move up<span className="sr-only"> {item.title}</span>
                  </Button>
                </Form>
                <Form method="post" action={`/freelancer/portfolio/${item.id}`}>
                  <Button name="intent" value="down" variant="secondary" size="sm" disabled={index === items.length - 1}>
                    Move down<span className="sr-only"> {item.title}</span>
                  </Button>
                </Form>
                <Form method="post" action={`/freelancer/portfolio/${item.id}`}>
                  <input type="hidden" name="intent" value="delete" />
                  <ConfirmButton
                    variant="danger"
                    size="sm"
                    confirm={{
                      title: `Delete “${item.title}”?`,
                      body: "It leaves your public profile. This cannot be undone.",
                      confirmLabel: "Delete item",
                      tone: "danger",
                    }}
                  >
                    Delete<span className="sr-only"> {item.title}</span>
                  </ConfirmButton>
                </Form>
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
