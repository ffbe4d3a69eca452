import { describe, expect, it } from "vitest";
import { allowedEdits, closestTerm, correctText, editDistance, foldKey, type VocabularyTerm } from "./did-you-mean";

const VOCABULARY: VocabularyTerm[] = [
  ["react", "React"],
  ["reactjs", "React"],
  ["react native", "React Native"],
  ["javascript", "JavaScript"],
  ["js", "JavaScript"],
  ["java", "Java"],
  ["python", "Python"],
  ["wordpress", "WordPress"],
  ["web development", "Web Development"],
  ["figma", "Figma"],
].map(([key, name]) => ({ key, name }));

describe("edit distance (insert, delete, substitute, swap neighbours)", () => {
  it("counts a swap of two neighbours as one edit", () => {
    expect(editDistance("recat", "react", 2)).toBe(1);
    expect(editDistance("javscript", "javascript", 2)).toBe(1);
    expect(editDistance("pyhton", "python", 2)).toBe(1);
    expect(editDistance("figma", "figma", 2)).toBe(0);
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
  });

  it("gives up past the allowed edits", () => {
    expect(editDistance("react", "wordpress", 2)).toBe(3);
    expect(editDistance("ab", "abcdefgh", 1)).toBe(2);
  });

  it("allows more edits in longer words and none under four characters", () => {
    expect([2, 3, 4, 5, 6, 9, 10, 14].map(allowedEdits)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });
});

describe("did you mean", () => {
  it("corrects misspelt skills to their names", () => {
    expect(correctText("recat", VOCABULARY)).toBe("React");
    expect(correctText("javscript", VOCABULARY)).toBe("JavaScript");
    expect(correctText("Wordpres", VOCABULARY)).toBe("WordPress");
    expect(correctText("recat dashboard pyhton", VOCABULARY)).toBe("React dashboard Python");
  });

  it("corrects a text of several words to a name of several words", () => {
    expect(correctText("react natve", VOCABULARY)).toBe("React Native");
    expect(correctText("web developmnet", VOCABULARY)).toBe("Web Development");
  });

  it("leaves known words, short words, numbers and other scripts alone", () => {
    expect(correctText("react", VOCABULARY)).toBeNull();
    expect(correctText("React dashboard", VOCABULARY)).toBeNull();
    expect(correctText("jsx", VOCABULARY)).toBeNull();
    expect(correctText("移动应用", VOCABULARY)).toBeNull();
    expect(correctText("2026", VOCABULARY)).toBeNull();
    expect(correctText("", VOCABULARY)).toBeNull();
  });

  it("picks the nearest term, then the shorter one, and ignores case and accents", () => {
    expect(closestTerm("jvaa", VOCABULARY)?.name).toBe("Java");
    expect(closestTerm("RÉACT", VOCABULARY)?.name).toBe("React");
    expect(closestTerm("reactj", VOCABULARY)?.name).toBe("React");
    expect(closestTerm("zzzzzzz", VOCABULARY)).toBeNull();
    expect(foldKey("  Crème   Brûlée ")).toBe("creme brulee");
  });
});
