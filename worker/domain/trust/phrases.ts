/** Phrase families, as data: each family counts once however many of its patterns match. */
export interface PhraseFamily {
  code: string;
  label: string;
  patterns: RegExp[];
}

/** Ways people try to take a conversation or a payment off the platform. */
export const OFF_PLATFORM_PHRASES: PhraseFamily[] = [
  {
    code: "chat_apps",
    label: "moves the conversation to another app",
    patterns: [/\b(whats\s?app|telegram|signal app|wechat|skype me|kik)\b/i, /\b(text|call|message) me (on|at|via)\b/i],
  },
  {
    code: "direct_payment",
    label: "asks for payment outside MegiLance",
    patterns: [
      /\b(pay|paying|payment|send (the )?money)\b[^.!?\n]{0,40}\b(directly|outside|off[- ]platform|instead)\b/i,
      /\b(avoid|skip|save on|bypass)\b[^.!?\n]{0,20}\b(the )?(fees?|commission|platform)\b/i,
      /\b(western union|moneygram|wire transfer|bank transfer|zelle|cash ?app|venmo|paypal friends)\b/i,
    ],
  },
  {
    code: "contact_details",
    label: "shares contact details",
    patterns: [/[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/i, /(\+|00)\d[\d\s-]{8,}\d/],
  },
  {
    code: "crypto_wallet",
    label: "shares a crypto wallet address",
    patterns: [/\b0x[a-f0-9]{40}\b/i, /\b(bc1|[13])[a-zA-HJ-NP-Z0-9]{25,39}\b/],
  },
];

/** Things honest project posts do not ask for. */
export const SUSPICIOUS_PROJECT_PHRASES: PhraseFamily[] = [
  {
    code: "upfront_fee",
    label: "asks freelancers to pay first",
    patterns: [
      /\b(registration|application|training|starter|onboarding) (fee|kit|deposit)\b/i,
      /\bpay (to|before you) (apply|start|join)\b/i,
    ],
  },
  {
    code: "off_platform",
    label: "moves the work off the platform",
    patterns: OFF_PLATFORM_PHRASES.flatMap((family) => (family.code === "contact_details" ? [] : family.patterns)),
  },
  {
    code: "money_mule",
    label: "looks like moving money for someone",
    patterns: [
      /\b(receive|process|forward|transfer)\b[^.!?\n]{0,30}\b(payments?|funds|money)\b[^.!?\n]{0,30}\b(for (us|me|our clients)|on (our|my) behalf)\b/i,
      /\b(gift cards?|reshipping|package forwarding)\b/i,
    ],
  },
  {
    code: "too_good",
    label: "promises easy money",
    patterns: [/\b(easy money|get rich|guaranteed (income|returns|profit)|no experience (needed|required)[^.]{0,30}\$\d)/i],
  },
  {
    code: "credentials",
    label: "asks for accounts or bank details",
    patterns: [/\b(bank (account )?(details|login)|your (password|login|ssn|social security|id card))\b/i],
  },
];

/** The families that match `text`, with the first matching excerpt of each. */
export function matchPhrases(text: string, families: PhraseFamily[]): Array<{ code: string; label: string; excerpt: string }> {
  const found: Array<{ code: string; label: string; excerpt: string }> = [];
  for (const family of families) {
    for (const pattern of family.patterns) {
      const match = pattern.exec(text);
      if (match) {
        found.push({ code: family.code, label: family.label, excerpt: excerptAround(text, match.index, match[0].length) });
        break;
      }
    }
  }
  return found;
}

function excerptAround(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 30);
  const end = Math.min(text.length, index + length + 30);
  return `${start > 0 ? "…" : ""}${text.slice(start, end).replace(/\s+/g, " ").trim()}${end < text.length ? "…" : ""}`;
}
