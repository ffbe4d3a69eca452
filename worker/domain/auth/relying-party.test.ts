import { describe, expect, it } from "vitest";
import { readVars } from "../../env";
import { relyingPartyFor, relyingPartyProblem } from "./relying-party";

describe("the passkey relying party", () => {
  it("is the host name of the app's origin", () => {
    expect(relyingPartyFor("http://localhost:8787")).toEqual({ rpID: "localhost", origin: "http://localhost:8787", rpName: "MegiLance" });
    expect(relyingPartyFor("https://app.megilance.com")).toMatchObject({ rpID: "app.megilance.com", origin: "https://app.megilance.com" });
    expect(relyingPartyProblem("https://127.0.0.1.example.com")).toBeNull();
  });

  it("cannot be an IP address, and says what to use instead", () => {
    expect(relyingPartyProblem("http://127.0.0.1:8787")).toMatch(/IP address.*http:\/\/localhost:8787/);
    expect(relyingPartyProblem("https://10.0.0.7")).toMatch(/IP address.*https:\/\/localhost/);
    expect(relyingPartyProblem("http://[::1]:8787")).toMatch(/IP address/);
    expect(() => relyingPartyFor("http://192.168.1.20:8787")).toThrow(/IP address/);
  });

  it("makes the Worker refuse such a configuration", () => {
    expect(() => readVars({ DATABASE_URL: "http://127.0.0.1:8080", APP_ORIGIN: "http://127.0.0.1:8787" })).toThrow(
      /Invalid Worker configuration: APP_ORIGIN: .*IP address/,
    );
    expect(readVars({ DATABASE_URL: "http://127.0.0.1:8080", APP_ORIGIN: "http://localhost:8787" }).APP_ORIGIN).toBe(
      "http://localhost:8787",
    );
  });
});
