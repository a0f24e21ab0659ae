import { describe, expect, it } from "vitest";
import { redact } from "../../src/llm/redact.js";

describe("redaction before the LLM", () => {
  it("removes e-mails, phones, cards, IBANs and Slack ids", () => {
    const text =
      "Mail jane.doe+work@example.co.uk, call +33 6 12 34 56 78 or 06 12 34 56 78 or (415) 555-0100. Card 4111 1111 1111 1111. IBAN FR76 3000 6000 0112 3456 7890 189. Ping <@U012ABCDEF> in <#C012ABCDEF|general>, <!subteam^S012AB|@devs>, U0123456789.";
    const out = redact(text);
    for (const secret of [
      "jane.doe",
      "6 12 34 56 78",
      "555-0100",
      "4111",
      "FR76",
      "U012ABCDEF",
      "C012ABCDEF",
      "S012AB",
      "U0123456789",
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain("[email]");
    expect(out).toContain("[phone]");
    expect(out).toContain("[card]");
    expect(out).toContain("[iban]");
    expect(out).toContain("[user]");
    expect(out).toContain("[channel]");
  });
  it("removes numbers dialled with Europe's 00 international prefix, whole", () => {
    for (const phone of [
      "0033 6 12 34 56 78",
      "00 33 6 12 34 56 78",
      "0033612345678",
      "0044 20 7946 0958",
      "001 415 555 0199",
    ]) {
      const out = redact(`Call ${phone} now, I won the prize`);
      expect(out, phone).toBe("Call [phone] now, I won the prize");
    }
  });
  it("leaves ordinary numbers and text alone", () => {
    const text = "In 2024 we grew from 3 to 12 people and cut build time by 57%.";
    expect(redact(text)).toBe(text);
    // No country code starts with 0: an invoice or a registration number is not a phone.
    expect(redact("Invoice 00123456789 is paid.")).toBe("Invoice 00123456789 is paid.");
  });
});
