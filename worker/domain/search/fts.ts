export const MAX_QUERY_TOKENS = 12;
const MAX_TOKEN_LENGTH = 64;

/**
 * The words of what a person typed: quotes and control characters (a NUL ends an FTS5 string early) become
 * spaces, words without a letter or digit are dropped, at most MAX_QUERY_TOKENS words of MAX_TOKEN_LENGTH.
 */
export function searchTokens(q: string): string[] {
  return q
    .replace(/["\u201c\u201d\p{Cc}]/gu, " ")
    .split(/\s+/)
    .map((t) => t.slice(0, MAX_TOKEN_LENGTH))
    .filter((t) => /[\p{L}\p{N}]/u.test(t))
    .slice(0, MAX_QUERY_TOKENS);
}

/**
 * Turns what a person typed into a safe FTS5 MATCH expression: every token is quoted (so AND, OR, NEAR,
 * parentheses, colons and stars are plain text), quotes and control characters (a NUL ends an FTS5 string
 * early) become spaces, tokens without a letter or digit are dropped. Tokens are ANDed. Null means "no text
 * filter".
 */
export function toFtsQuery(q: string | undefined | null): string | null {
  if (!q) return null;
  const tokens = searchTokens(q);
  return tokens.length > 0 ? tokens.map((t) => `"${t}"`).join(" ") : null;
}
