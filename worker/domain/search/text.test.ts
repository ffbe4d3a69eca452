import { describe, expect, it } from "vitest";
import { planText } from "./text";

describe("planText: which index serves a search text", () => {
  it("keeps Latin-script words (accents too) on the word index, with their parts of words for when it knows none", () => {
    expect(planText("react dashboard")).toEqual({
      kind: "words",
      match: '"react" "dashboard"',
      partial: { match: '"react" "dashboard"', short: [] },
    });
    expect(planText("Café ui")).toEqual({ kind: "words", match: '"Café" "ui"', partial: { match: '"Café"', short: ["ui"] } });
    // Only words under three characters: nothing the trigram index can look up.
    expect(planText("ui ux")).toEqual({ kind: "words", match: '"ui" "ux"', partial: null });
  });

  it("sends text with any other script to the trigram index, short words compared in place", () => {
    expect(planText("移动应用")).toEqual({ kind: "trigrams", query: { match: '"移动应用"', short: [] } });
    expect(planText("React 应用")).toEqual({ kind: "trigrams", query: { match: '"React"', short: ["应用"] } });
    expect(planText("تطبيقات الجوال")).toEqual({ kind: "trigrams", query: { match: '"تطبيقات" "الجوال"', short: [] } });
    expect(planText("猫")).toEqual({ kind: "trigrams", query: { match: null, short: ["猫"] } });
  });

  it("strips punctuation at word edges and never lets FTS syntax through", () => {
    expect(planText("(移动应用)")).toEqual({ kind: "trigrams", query: { match: '"移动应用"', short: [] } });
    expect(planText('"アプリ" AND NEAR(')).toEqual({ kind: "trigrams", query: { match: '"アプリ" "AND" "NEAR"', short: [] } });
    expect(planText(' " ( ) ')).toBeNull();
    expect(planText(undefined)).toBeNull();
  });
});
