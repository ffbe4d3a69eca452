/**
 * Passwords of 10+ characters that appear near the top of public breach corpora. Shorter ones are
 * already refused by the length rule. Compared case-insensitively.
 */
const LIST = `1234567890 0123456789 0987654321 1111111111 0000000000 1234512345 1q2w3e4r5t 1qaz2wsx3edc qwertyuiop
qwerty1234 qwerty12345 qwerty123456 asdfghjkl1 zxcvbnm123 1234qwerty password12 password123 password1234 password12345
passw0rd123 p@ssw0rd123 p@ssword123 iloveyou12 iloveyou123 iloveyou1234 princess12 princess123 sunshine12 sunshine123
football12 football123 baseball12 baseball123 basketball basketball1 superman12 superman123 starwars12 starwars123
trustno1234 welcome123 welcome1234 welcome12345 letmein123 letmein1234 administrator admin12345 admin123456 administrator1
monkey12345 dragon12345 michael123 jennifer123 charlie123 computer12 computer123 internet123 whatever12 whatever123
abcdefghij abcdefg123 abcd123456 abc1234567 abc123456789 a123456789 aa12345678 aaaaaaaaaa qazwsxedcrfv 1qazxsw23edc
q1w2e3r4t5 q1w2e3r4t5y6 zaq12wsx3edc 123456789a 123456789q 12345678910 123123123123 123321123321 1122334455
987654321a 5555555555 7777777777 9999999999 2222222222 6666666666 8888888888 3333333333 4444444444 1212121212
chocolate1 chocolate12 butterfly12 sweetheart sweetheart1 liverpool1 liverpool12 arsenal123 chelsea123 manchester1
pokemon123 minecraft1 minecraft12 minecraft123 playstation playstation1 spiderman1 spiderman12 batman1234 naruto1234
freedom123 shadow1234 master1234 killer1234 hunter1234 soccer1234 hockey1234 jordan2323 michelle123 jessica123
changeme123 changeme1234 default1234 security123 secret1234 mypassword mypassword1 mypassword123 yourpassword
thisisapassword passwordpassword password1! password123! welcome1! qwerty123! iloveyou! 1234567890!
megilance megilance1 megilance123 megilance2026 freelance1 freelancer freelancer1 freelancer123 marketplace`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

/** A human-readable reason the password is too weak, or null when it is acceptable. */
export function passwordWeakness(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return "This password is one of the most common ones. Choose something less guessable.";
  if (new Set(lower).size <= 2) return "This password repeats too few characters. Choose something less guessable.";
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "Do not build your password from your email address.";
  return null;
}
