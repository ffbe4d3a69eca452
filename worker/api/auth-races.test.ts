import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { describe, expect, it } from "vitest";
import { totpAt } from "../domain/auth/totp";
import { call, uniqueEmail, uniqueIp } from "../test-support/api";
import { waitForMail } from "../test-support/mail";

const PASSWORD = "a sturdy passphrase 42";
const PARALLEL = 6;

async function accountWithTotp() {
  const email = uniqueEmail("race");
  expect((await call("/api/auth/register", { body: { email, password: PASSWORD, name: "Race Person", role: "client" } })).status).toBe(201);
  const { accessToken } = (await call("/api/auth/login", { body: { email, password: PASSWORD }, ip: uniqueIp() })).body;
  const setup = await call("/api/security/mfa/setup", { body: { method: "totp" }, token: accessToken });
  const key = decodeBase32IgnorePadding(setup.body.secret);
  const verify = await call("/api/security/mfa/verify", { body: { method: "totp", code: totpAt(key, Date.now()) }, token: accessToken });
  expect(verify.status).toBe(200);
  return { email, key, backupCodes: verify.body.backupCodes as string[] };
}

/** The same code sent by several clients at the same moment. */
async function loginsInParallel(email: string, code: string) {
  const ip = uniqueIp();
  const answers = await Promise.all(
    Array.from({ length: PARALLEL }, () => call("/api/auth/login", { body: { email, password: PASSWORD, code }, ip })),
  );
  return answers.map((a) => (a.status === 200 ? "signed_in" : (a.body.error?.code ?? `HTTP ${a.status}`)));
}

describe("a second-factor code signs in once, however many requests carry it at the same time", () => {
  it("accepts one TOTP code exactly once among parallel sign-ins", async () => {
    const { email, key } = await accountWithTotp();
    // The enrolment claimed the current step; the next step is within the allowed drift.
    const outcomes = await loginsInParallel(email, totpAt(key, Date.now() + 30_000));
    expect(outcomes.filter((o) => o === "signed_in")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "invalid_code")).toHaveLength(PARALLEL - 1);
  });

  it("accepts one backup code exactly once among parallel sign-ins", async () => {
    const { email, backupCodes } = await accountWithTotp();
    const outcomes = await loginsInParallel(email, backupCodes[3]);
    expect(outcomes.filter((o) => o === "signed_in")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "invalid_code")).toHaveLength(PARALLEL - 1);
  });

  it("accepts one emailed code exactly once among parallel sign-ins", async () => {
    const { email } = await accountWithTotp();
    expect((await call("/api/auth/login/email-code", { body: { email, password: PASSWORD }, ip: uniqueIp() })).status).toBe(202);
    const emailed = /code is (\d{6})/.exec((await waitForMail(email, "auth.email_code")).textBody)![1];
    const outcomes = await loginsInParallel(email, emailed);
    expect(outcomes.filter((o) => o === "signed_in")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "invalid_code")).toHaveLength(PARALLEL - 1);
  });
});
