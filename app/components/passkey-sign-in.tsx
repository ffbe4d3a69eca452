import { useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { getPasskey, passkeyAutofillAvailable, passkeysSupported } from "~/utils/webauthn.client";
import { OrDivider } from "./oauth-buttons";
import { FormErrors } from "./ui/alert";
import { Button } from "./ui/button";

export type PasskeySupport = { supported: boolean; autofill: boolean };

/** What this browser can do with passkeys; both false while rendering on the server. */
export function usePasskeySupport(): PasskeySupport {
  const [support, setSupport] = useState<PasskeySupport>({ supported: false, autofill: false });
  useEffect(() => {
    if (!passkeysSupported()) return;
    let live = true;
    passkeyAutofillAvailable().then((autofill) => live && setSupport({ supported: true, autofill }));
    return () => {
      live = false;
    };
  }, []);
  return support;
}

type Challenge = { challengeId: string; options: unknown } | null;
type Pending = { controller: AbortController; settled: Promise<unknown> };

/**
 * Passwordless sign-in: the browser's passkey dialog behind a button, and, where the browser supports
 * it, the site's passkeys among the email field's autofill suggestions (conditional mediation). The
 * answer is posted to the sign-in action, which starts the same cookie session as a password.
 */
export function PasskeySignIn({
  challenge,
  support,
  redirectTo,
}: {
  challenge: Challenge;
  support: PasskeySupport;
  redirectTo: string | null;
}) {
  const submit = useSubmit();
  const busy = useNavigation().state !== "idle";
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [autofillRound, setAutofillRound] = useState(0);
  const autofill = useRef<Pending | null>(null);

  const send = (challengeId: string, response: unknown) =>
    submit(
      { intent: "passkey", challengeId, response: JSON.stringify(response), ...(redirectTo ? { redirectTo } : {}) },
      { method: "post" },
    );

  useEffect(() => {
    if (!support.autofill || !challenge) return;
    const controller = new AbortController();
    const settled = getPasskey(challenge.options, { autofill: true, signal: controller.signal })
      .then((answer) => {
        if (answer && !controller.signal.aborted) send(challenge.challengeId, answer);
      })
      // Autofill is an extra: the button and the password form still work without it.
      .catch(() => undefined);
    autofill.current = { controller, settled };
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [support.autofill, challenge?.challengeId, autofillRound]);

  if (!support.supported) return null;

  async function signInWithDialog() {
    if (!challenge) return;
    setProblem(null);
    setAsking(true);
    // A browser runs one passkey request at a time: end the autofill one first.
    const pending = autofill.current;
    pending?.controller.abort();
    await pending?.settled;
    try {
      const answer = await getPasskey(challenge.options);
      if (answer) return send(challenge.challengeId, answer);
      setProblem("Signing in with a passkey was cancelled.");
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "Your browser could not use a passkey.");
    } finally {
      setAsking(false);
    }
    setAutofillRound((round) => round + 1);
  }

  return (
    <div className="mt-8 space-y-4">
      <OrDivider />
      <FormErrors errors={problem ? [problem] : null} />
      <Button type="button" variant="secondary" className="w-full" disabled={!challenge || asking || busy} onClick={signInWithDialog}>
        {asking ? "Waiting for your passkey…" : "Sign in with a passkey"}
      </Button>
      {challenge ? null : (
        <p className="text-muted text-sm">Passkey sign-in is paused after many attempts from your network. Reload the page in a minute.</p>
      )}
    </div>
  );
}
