import { allMatches, memo, memoized, type RuleContext, type Span } from "./text.js";

/**
 * Personal data patterns. One place, used both by the oversharing rule (to warn the author)
 * and by redaction (before anything leaves for an LLM).
 */
export const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

const EMAIL_SEARCH = new RegExp(EMAIL_RE.source, "gu");

/** Whether a character can be part of what precedes an address's "@": any beyond ASCII may be. */
function mayPrecedeAt(code: number): boolean {
  if (code >= 0x80) return true;
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 46 || // .
    code === 95 || // _
    code === 37 || // %
    code === 43 || // +
    code === 45 // -
  );
}

/**
 * The matches of EMAIL_RE in a text, as `text.matchAll(EMAIL_RE)` finds them. A match is a run of
 * such characters, an "@", and the rest: each search starts where the run before the next "@"
 * does, not at every position of the draft (which cost tens of µs for a long draft with an "@").
 */
export function emailSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let from = 0;
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", from)) {
    let start = at;
    while (start > from && mayPrecedeAt(text.charCodeAt(start - 1))) start--;
    EMAIL_SEARCH.lastIndex = start;
    const m = EMAIL_SEARCH.exec(text);
    if (m === null) break;
    from = m.index + m[0].length;
    spans.push({ start: m.index, end: from });
  }
  return spans;
}

// International (+33 6 12 34 56 78, +1 (415) 555-0100, and with Europe's 00 prefix: 0033 6 12 34
// 56 78), French national (06 12 34 56 78) and North American (415-555-0100) numbers. Digit counts
// are checked by isPhoneNumber.
export const PHONE_RE =
  /(?<![\p{L}\p{N}+])(?:(?:\+\d{1,3}|00[\s.-]?[1-9]\d{0,2})[\s.-]?(?:\(0?\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]?\d{2,4}){1,4}|0[1-9](?:[\s.-]?\d{2}){4}|\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4})(?![\p{L}\p{N}])/gu;

export function isPhoneNumber(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, "");
  // After Europe's 00 prefix, a country code and a number: ten digits at least ("0033 6 12 34 56 78"
  // has eleven), so that an invoice number such as 00123456789 is not read as a phone.
  if (digits.startsWith("00")) return digits.length >= 12 && digits.length <= 17;
  return digits.length >= 9 && digits.length <= 15;
}

// Cheap guard: most drafts have no run of digits long enough to be a phone number.
const MANY_DIGITS_RE = /\d[\d\s.()-]{7,}\d/;
const PHONES = memo<Span[]>();

/** The draft's phone numbers, found once: oversharing warns of them, specifics must not praise them. */
export function phoneNumbers(ctx: RuleContext): Span[] {
  return memoized(ctx, PHONES, ({ text }) => {
    if (!MANY_DIGITS_RE.test(text)) return [];
    return allMatches(PHONE_RE, text)
      .filter((m) => isPhoneNumber(m[0]))
      .map((m) => ({ start: m.index, end: m.index + m[0].length }));
  });
}

// Card numbers: 13–19 digits in groups; IBAN: two letters, two digits, then 11–30 alphanumerics.
export const CARD_RE = /(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)/g;
export const IBAN_RE = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b/g;
