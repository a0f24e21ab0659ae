import { CARD_RE, EMAIL_RE, IBAN_RE, isPhoneNumber, PHONE_RE } from "../coach/pii.js";

/**
 * Removes personal data before a draft leaves for an LLM: e-mail addresses, phone numbers
 * (international and French formats), card numbers (Luhn-checked), IBANs and Slack user, channel
 * and group ids. The heuristics still read the original: oversharing is a finding of its own.
 */
export function redact(text: string): string {
  return text
    .replace(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, "[user]")
    .replace(/<#C[A-Z0-9]+(?:\|[^>]*)?>/g, "[channel]")
    .replace(/<!subteam\^[A-Z0-9]+(?:\|[^>]*)?>/g, "[group]")
    .replace(/\b[UW][A-Z0-9]{8,11}\b/g, "[user]")
    .replace(/\b[CGD][A-Z0-9]{8,11}\b/g, "[channel]")
    .replace(EMAIL_RE, "[email]")
    .replace(IBAN_RE, "[iban]")
    .replace(CARD_RE, (m) => (luhn(m.replace(/\D/g, "")) ? "[card]" : m))
    .replace(PHONE_RE, (m) => (isPhoneNumber(m) ? "[phone]" : m));
}

function luhn(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
