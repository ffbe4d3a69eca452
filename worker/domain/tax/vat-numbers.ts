import { EU_COUNTRIES } from "./rates";

/**
 * The shape of each EU member state's VAT number after its prefix (Greece's prefix is EL). A number that
 * matches is well-formed; whether it is registered is VIES's answer, which this does not ask.
 */
const VAT_FORMATS: Record<string, RegExp> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^\d{8}$/,
  FR: /^[A-HJ-NP-Z0-9]{2}\d{9}$/,
  GR: /^\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^\d{11}$/,
  LT: /^(\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^[1-9]\d{1,9}$/,
  SE: /^\d{10}01$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
};

/** The VAT number's prefix for a country: the ISO code, except Greece (EL). */
export const vatPrefix = (country: string) => (country === "GR" ? "EL" : country);

/**
 * A VAT number in its normal form (prefix, no spaces, dots or dashes, upper case) when it is well-formed
 * for the country; null otherwise. The prefix may be left out when typing.
 */
export function normalVatNumber(country: string, value: string): string | null {
  if (!EU_COUNTRIES.has(country)) return null;
  const prefix = vatPrefix(country);
  let compact = value.toUpperCase().replace(/[\s.-]/g, "");
  if (compact.startsWith(prefix)) compact = compact.slice(prefix.length);
  return VAT_FORMATS[country].test(compact) ? `${prefix}${compact}` : null;
}

/** An example of a well-formed number, for the error message. */
export const VAT_EXAMPLES: Record<string, string> = { DE: "DE123456789", FR: "FRXX123456789", NL: "NL123456789B01", AT: "ATU12345678" };
