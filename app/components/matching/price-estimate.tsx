import { useEffect, useState } from "react";
import type { Estimate } from "../../../worker/domain/estimates/project-price";
import { formatMoney } from "~/utils/money";

const COMPLEXITY_OF_LEVEL: Record<string, "low" | "medium" | "high"> = { entry: "low", intermediate: "medium", expert: "high" };
const DEBOUNCE_MS = 600;

type State = { status: "idle" } | { status: "loading" } | { status: "ready"; estimate: Estimate } | { status: "error"; message: string };

function requestBody(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "").trim();
  return {
    title: text("title").slice(0, 200),
    description: text("description").slice(0, 20_000),
    category: text("category"),
    skills: text("skills")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 20),
    complexity: COMPLEXITY_OF_LEVEL[text("experienceLevel")] ?? "medium",
    budgetType: text("budgetType") || "fixed",
    currency: text("currency") || "USD",
  };
}

/** A live price guide beside the project form: asks the estimate API as the client types (debounced). */
export function PriceEstimate({ formId }: { formId: string }) {
  const [state, setState] = useState<State>({ status: "idle" });
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    const run = () => {
      const body = requestBody(form);
      if (!body.category) return setState({ status: "idle" });
      controller?.abort();
      controller = new AbortController();
      setState({ status: "loading" });
      fetch("/api/ai/estimate-price", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
        credentials: "same-origin",
        signal: controller.signal,
      })
        .then(async (res) => {
          const json = (await res.json()) as { error?: { message?: string } };
          if (res.ok) setState({ status: "ready", estimate: json as unknown as Estimate });
          else setState({ status: "error", message: json?.error?.message ?? "No estimate for these details." });
        })
        .catch((error: unknown) => {
          if (!(error instanceof DOMException && error.name === "AbortError"))
            setState({ status: "error", message: "Could not load an estimate." });
        });
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(run, DEBOUNCE_MS);
    };
    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    schedule();
    return () => {
      clearTimeout(timer);
      controller?.abort();
      form.removeEventListener("input", schedule);
      form.removeEventListener("change", schedule);
    };
  }, [formId]);

  return (
    <section aria-labelledby="price-guide" className="border-subtle surface rounded-card border p-4 text-sm">
      <h2 id="price-guide" className="font-semibold">
        Price guide
      </h2>
      <div aria-live="polite" className="mt-1">
        {state.status === "idle" ? <p className="text-muted">Choose a category to see what similar projects cost.</p> : null}
        {state.status === "loading" ? <p className="text-muted">Looking at similar projects…</p> : null}
        {state.status === "error" ? <p className="text-muted">{state.message}</p> : null}
        {state.status === "ready" ? <EstimateText estimate={state.estimate} /> : null}
      </div>
    </section>
  );
}

function EstimateText({ estimate }: { estimate: Estimate }) {
  if (!estimate.enoughData) return <p className="text-muted">{estimate.message}</p>;
  const { low, median, high, currency, confidence, basedOn } = estimate;
  return (
    <>
      <p>
        Similar projects cost <strong>{formatMoney(low, currency)}</strong> to <strong>{formatMoney(high, currency)}</strong> (median{" "}
        {formatMoney(median, currency)}).
      </p>
      <p className="text-muted mt-1">
        Based on {basedOn.count} similar projects ({basedOn.contracts} agreed prices, {basedOn.postedProjects} posted budgets); confidence{" "}
        {Math.round(confidence * 100)}%.
      </p>
    </>
  );
}
