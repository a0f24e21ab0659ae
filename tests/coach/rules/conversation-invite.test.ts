import { describe, expect, it } from "vitest";
import { conversationInvite } from "../../../src/coach/rules/conversation-invite.js";
import { excerpts } from "../../helpers/rules.js";

describe("conversation-invite", () => {
  it("finds an invitation in English", () => {
    expect(
      excerpts(conversationInvite, "That's my take. I'd love to hear how your team does it.", "en"),
    ).toEqual(["I'd love to hear"]);
  });
  it("finds an invitation in French", () => {
    expect(excerpts(conversationInvite, "Voilà ma méthode. Qu'en pensez-vous ?", "fr")).toEqual([
      "Qu'en pensez-vous",
    ]);
  });
  it("leaves out an invitation quoted: someone else's", () => {
    expect(
      excerpts(
        conversationInvite,
        'My mentor once asked me: "What would you do if you weren\'t afraid?"',
        "en",
      ),
    ).toEqual([]);
    expect(excerpts(conversationInvite, "Mon mentor m'a demandé : « qu'en pensez-vous ? »", "fr")).toEqual(
      [],
    );
  });
  it("finds nothing in a monologue", () => {
    expect(excerpts(conversationInvite, "That's my take on it.", "en")).toEqual([]);
    expect(excerpts(conversationInvite, "Voilà ma méthode.", "fr")).toEqual([]);
  });
});
