import { useEffect, useRef, useState, type FormEvent } from "react";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";

/** Stripe.js comes from Stripe only (PCI): the card fields are Stripe's own iframes. */
export const STRIPE_JS_URL = "https://js.stripe.com/v3/";

interface StripeJs {
  elements(options: { clientSecret: string }): { create(kind: "payment"): { mount(el: HTMLElement): void } };
  confirmPayment(options: { elements: unknown; confirmParams: { return_url: string } }): Promise<{ error?: { message?: string } }>;
}

declare global {
  interface Window {
    Stripe?: (publishableKey: string) => StripeJs;
  }
}

function loadStripeJs(): Promise<NonNullable<Window["Stripe"]>> {
  if (window.Stripe) return Promise.resolve(window.Stripe);
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = STRIPE_JS_URL;
    script.onload = () => (window.Stripe ? resolve(window.Stripe) : reject(new Error("Stripe.js did not start")));
    script.onerror = () => reject(new Error("Stripe.js could not be loaded"));
    document.head.appendChild(script);
  });
}

type Phase = "loading" | "ready" | "paying" | "failed";

/** Mounts Stripe's Payment Element for a PaymentIntent and confirms the card; the webhook credits the money. */
export function StripeCardForm({
  clientSecret,
  publishableKey,
  returnUrl,
}: {
  clientSecret: string;
  publishableKey: string;
  returnUrl: string;
}) {
  const mountRef = useRef<HTMLDivElement>(null);
  const stripeRef = useRef<{ stripe: StripeJs; elements: unknown } | null>(null);
  const [phase, setPhase] = useState<Phase>("loading");
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    loadStripeJs()
      .then((Stripe) => {
        if (cancelled || !mountRef.current) return;
        const stripe = Stripe(publishableKey);
        const elements = stripe.elements({ clientSecret });
        elements.create("payment").mount(mountRef.current);
        stripeRef.current = { stripe, elements };
        setPhase("ready");
      })
      .catch((error: Error) => {
        setPhase("failed");
        setMessage(`${error.message}. Check your connection and reload the page; nothing was charged.`);
      });
    return () => {
      cancelled = true;
    };
  }, [clientSecret, publishableKey]);

  async function pay(event: FormEvent) {
    event.preventDefault();
    if (!stripeRef.current) return;
    setPhase("paying");
    setMessage(null);
    const { error } = await stripeRef.current.stripe.confirmPayment({
      elements: stripeRef.current.elements,
      confirmParams: { return_url: returnUrl },
    });
    // Success navigates to return_url; reaching here means the card was not accepted.
    setPhase("ready");
    setMessage(error?.message ?? "The payment did not go through. Try again or use another card.");
  }

  return (
    <form onSubmit={pay} className="space-y-4" aria-busy={phase === "loading" || phase === "paying"}>
      <div ref={mountRef} className="min-h-24" />
      <p role="status" className="text-muted text-sm">
        {phase === "loading"
          ? "Loading the secure card form from Stripe…"
          : phase === "paying"
            ? "Confirming your card with Stripe…"
            : null}
      </p>
      {message ? <Alert tone="danger">{message}</Alert> : null}
      <Button disabled={phase !== "ready"}>Pay now</Button>
    </form>
  );
}
