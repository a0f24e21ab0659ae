/**
 * Personal data patterns. One place, used both by the oversharing rule (to warn the author)
 * and by redaction (before anything leaves for an LLM).
 */
export const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

// International (+33 6 12 34 56 78, +1 (415) 555-0100), French national (06 12 34 56 78) and
// North American (415-555-0100) numbers. Digit counts are checked by isPhoneNumber.
export const PHONE_RE =
  /(?<![\p{L}\p{N}+])(?:\+\d{1,3}[\s.-]?(?:\(0?\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]?\d{2,4}){1,4}|0[1-9](?:[\s.-]?\d{2}){4}|\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4})(?![\p{L}\p{N}])/gu;

export function isPhoneNumber(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, "").length;
  return digits >= 9 && digits <= 15;
}

// Card numbers: 13–19 digits in groups; IBAN: two letters, two digits, then 11–30 alphanumerics.
export const CARD_RE = /(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)/g;
export const IBAN_RE = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b/g;
