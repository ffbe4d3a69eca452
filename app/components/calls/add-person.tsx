import { useEffect, useState } from "react";
import { Button } from "../ui/button";
import { inputClass } from "../ui/field";

interface Invitee {
  id: string;
  name: string;
}

async function request<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? undefined : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!res.ok) throw new Error(json?.error?.message ?? `The request failed (${res.status}).`);
  return json as T;
}

/**
 * "Add person": the viewer's conversation partners who are not in the call, searchable by name and paged;
 * adding one rings them. Calls of more than two people go through Cloudflare Calls when it is set up.
 */
export function AddPerson({ callId }: { callId: string }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [items, setItems] = useState<Invitee[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [message, setMessage] = useState("");

  const load = async (q: string, cursor: string | null) => {
    setLoading(true);
    try {
      const params = new URLSearchParams({ limit: "10" });
      if (q) params.set("q", q);
      if (cursor) params.set("cursor", cursor);
      const page = await request<{ items: Invitee[]; nextCursor: string | null }>(`/api/calls/${callId}/invitees?${params}`);
      setItems((shown) => (cursor ? [...shown, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
    } catch (error) {
      setMessage((error as Error).message);
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => void load(query.trim(), null), 250);
    return () => clearTimeout(timer);
    // `load` only reads its arguments and the call id.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, query, callId]);

  const invite = async (person: Invitee) => {
    try {
      await request(`/api/calls/${callId}/invite`, { userId: person.id });
      setItems((shown) => shown.filter((p) => p.id !== person.id));
      setMessage(`Ringing ${person.name}…`);
    } catch (error) {
      setMessage((error as Error).message);
    }
  };

  return (
    <div className="space-y-2">
      <Button type="button" variant="secondary" aria-expanded={open} aria-controls="add-person-panel" onClick={() => setOpen(!open)}>
        Add person
      </Button>
      <p role="status" className="text-sm">
        {message}
      </p>
      {open ? (
        <section
          id="add-person-panel"
          aria-labelledby="add-person-title"
          className="surface border-subtle space-y-3 rounded-card border p-3"
        >
          <h2 id="add-person-title" className="text-base font-semibold">
            Add someone to this call
          </h2>
          <div>
            <label htmlFor="add-person-search" className="block text-sm font-medium">
              Search your conversations
            </label>
            <input
              id="add-person-search"
              type="search"
              className={`${inputClass} mt-1`}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              autoComplete="off"
            />
          </div>
          {items.length === 0 && !loading ? (
            <p className="text-muted text-sm">{query ? "Nobody matches that name." : "Nobody else to add from your conversations."}</p>
          ) : (
            <ul aria-label="People you can add" className="space-y-1">
              {items.map((person) => (
                <li key={person.id} className="flex items-center justify-between gap-2 text-sm">
                  <span>{person.name}</span>
                  <Button type="button" size="sm" aria-label={`Add ${person.name}`} onClick={() => void invite(person)}>
                    Add
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {nextCursor ? (
            <Button type="button" size="sm" variant="ghost" disabled={loading} onClick={() => void load(query.trim(), nextCursor)}>
              Show more
            </Button>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
