import { z } from "zod";

/** How well a freelancer speaks a language, from least to most. */
export const LANGUAGE_LEVELS = ["basic", "conversational", "fluent", "native"] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];
export const LANGUAGE_LEVEL_LABELS: Record<LanguageLevel, string> = {
  basic: "Basic",
  conversational: "Conversational",
  fluent: "Fluent",
  native: "Native or bilingual",
};
/** The level a language listed without one is given (a work profile lists the languages one works in). */
export const DEFAULT_LANGUAGE_LEVEL: LanguageLevel = "fluent";
export const MAX_LANGUAGES = 10;

/** ISO 639-1 codes with their English names (the current codes only; the withdrawn in, iw, ji, jw, mo, sh and tw are left out). */
const TABLE =
  "aa:Afar|ab:Abkhazian|ae:Avestan|af:Afrikaans|ak:Akan|am:Amharic|an:Aragonese|ar:Arabic|as:Assamese|av:Avaric|" +
  "ay:Aymara|az:Azerbaijani|ba:Bashkir|be:Belarusian|bg:Bulgarian|bh:Bhojpuri|bi:Bislama|bm:Bambara|bn:Bengali|" +
  "bo:Tibetan|br:Breton|bs:Bosnian|ca:Catalan|ce:Chechen|ch:Chamorro|co:Corsican|cr:Cree|cs:Czech|" +
  "cu:Church Slavic|cv:Chuvash|cy:Welsh|da:Danish|de:German|dv:Divehi|dz:Dzongkha|ee:Ewe|el:Greek|en:English|" +
  "eo:Esperanto|es:Spanish|et:Estonian|eu:Basque|fa:Persian|ff:Fula|fi:Finnish|fj:Fijian|fo:Faroese|fr:French|" +
  "fy:Western Frisian|ga:Irish|gd:Scottish Gaelic|gl:Galician|gn:Guarani|gu:Gujarati|gv:Manx|ha:Hausa|he:Hebrew|" +
  "hi:Hindi|ho:Hiri Motu|hr:Croatian|ht:Haitian Creole|hu:Hungarian|hy:Armenian|hz:Herero|ia:Interlingua|" +
  "id:Indonesian|ie:Interlingue|ig:Igbo|ii:Sichuan Yi|ik:Inupiaq|io:Ido|is:Icelandic|it:Italian|iu:Inuktitut|" +
  "ja:Japanese|jv:Javanese|ka:Georgian|kg:Kongo|ki:Kikuyu|kj:Kuanyama|kk:Kazakh|kl:Kalaallisut|km:Khmer|" +
  "kn:Kannada|ko:Korean|kr:Kanuri|ks:Kashmiri|ku:Kurdish|kv:Komi|kw:Cornish|ky:Kyrgyz|la:Latin|lb:Luxembourgish|" +
  "lg:Ganda|li:Limburgish|ln:Lingala|lo:Lao|lt:Lithuanian|lu:Luba-Katanga|lv:Latvian|mg:Malagasy|mh:Marshallese|" +
  "mi:Māori|mk:Macedonian|ml:Malayalam|mn:Mongolian|mr:Marathi|ms:Malay|mt:Maltese|my:Burmese|na:Nauru|" +
  "nb:Norwegian Bokmål|nd:North Ndebele|ne:Nepali|ng:Ndonga|nl:Dutch|nn:Norwegian Nynorsk|no:Norwegian|" +
  "nr:South Ndebele|nv:Navajo|ny:Nyanja|oc:Occitan|oj:Ojibwa|om:Oromo|or:Odia|os:Ossetic|pa:Punjabi|pi:Pali|" +
  "pl:Polish|ps:Pashto|pt:Portuguese|qu:Quechua|rm:Romansh|rn:Rundi|ro:Romanian|ru:Russian|rw:Kinyarwanda|" +
  "sa:Sanskrit|sc:Sardinian|sd:Sindhi|se:Northern Sami|sg:Sango|si:Sinhala|sk:Slovak|sl:Slovenian|sm:Samoan|" +
  "sn:Shona|so:Somali|sq:Albanian|sr:Serbian|ss:Swati|st:Southern Sotho|su:Sundanese|sv:Swedish|sw:Swahili|" +
  "ta:Tamil|te:Telugu|tg:Tajik|th:Thai|ti:Tigrinya|tk:Turkmen|tl:Filipino|tn:Tswana|to:Tongan|tr:Turkish|" +
  "ts:Tsonga|tt:Tatar|ty:Tahitian|ug:Uyghur|uk:Ukrainian|ur:Urdu|uz:Uzbek|ve:Venda|vi:Vietnamese|vo:Volapük|" +
  "wa:Walloon|wo:Wolof|xh:Xhosa|yi:Yiddish|yo:Yoruba|za:Zhuang|zh:Chinese|zu:Zulu";

export const LANGUAGES: ReadonlyArray<{ code: string; name: string }> = TABLE.split("|").map((entry) => {
  const [code, name] = entry.split(":");
  return { code, name };
});
const NAME_OF = new Map(LANGUAGES.map((l) => [l.code, l.name]));
/** Other names people write for a language. */
const ALIASES: Record<string, string> = {
  bangla: "bn",
  castilian: "es",
  farsi: "fa",
  flemish: "nl",
  mandarin: "zh",
  "mandarin chinese": "zh",
  tagalog: "tl",
  haitian: "ht",
  gaelic: "gd",
  moldovan: "ro",
};
const CODE_OF = new Map<string, string>([...LANGUAGES.map((l) => [l.name.toLowerCase(), l.code] as const), ...Object.entries(ALIASES)]);

export function languageName(code: string): string {
  return NAME_OF.get(code) ?? code;
}

/** A code ("de", any case) or an English name ("German", "Farsi") to its ISO 639-1 code; null when unknown. */
export function languageCode(term: string): string | null {
  const t = term.trim().toLowerCase();
  if (NAME_OF.has(t)) return t;
  return CODE_OF.get(t) ?? null;
}

export const languageLevelSchema = z.enum(LANGUAGE_LEVELS, {
  error: `Choose a level: ${LANGUAGE_LEVELS.join(", ")}.`,
});

/** A language as a profile stores it. */
export interface LanguageEntry {
  code: string;
  level: LanguageLevel;
}

/** A language as pages and the API show it. */
export interface LanguageView extends LanguageEntry {
  name: string;
}

export const languageViewSchema = z.object({ code: z.string(), name: z.string(), level: languageLevelSchema });

/** One language in profile input: an ISO 639-1 code or English name ("de", "German"), and a level. */
export const languageEntrySchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Choose a language.")
    .max(40)
    .refine((term) => languageCode(term) !== null, "Choose a language from the list."),
  level: languageLevelSchema,
});

/** The languages a freelancer speaks, each once. */
export const languageListSchema = z
  .array(languageEntrySchema)
  .max(MAX_LANGUAGES, `List at most ${MAX_LANGUAGES} languages.`)
  .refine((list) => new Set(list.map((l) => languageCode(l.code))).size === list.length, "List each language once.");

/** Validated input entries as stored: codes, not names. */
export function toLanguageEntries(list: Array<z.infer<typeof languageEntrySchema>>): LanguageEntry[] {
  return list.map((l) => ({ code: languageCode(l.code)!, level: l.level }));
}

export function toLanguageView(entry: LanguageEntry): LanguageView {
  return { code: entry.code, name: languageName(entry.code), level: entry.level };
}
