import { describe, expect, it } from "vitest";
import { engagementBait } from "../../../src/coach/rules/engagement-bait.js";
import { excerpts } from "../../helpers/rules.js";

describe("engagement-bait", () => {
  it("finds each kind of bait in English", () => {
    expect(excerpts(engagementBait, "Comment YES if you agree!", "en")).toEqual(["comment:Comment YES"]);
    expect(excerpts(engagementBait, "Tag someone who needs this.", "en")).toEqual(["tag:Tag someone"]);
    // "a" before the emoji hid it (found by a review); "drop a line" asks for nothing in particular.
    expect(excerpts(engagementBait, "Drop a 🔥 below if you agree!", "en")).toEqual(["comment:Drop a 🔥"]);
    expect(excerpts(engagementBait, "Drop a line below if you agree.", "en")).toEqual([]);
    expect(excerpts(engagementBait, "Like this post if you're a Monday person.", "en")).toEqual([
      "react:Like this post if",
    ]);
    expect(excerpts(engagementBait, "Share this with your network.", "en")).toEqual(["share:Share this"]);
  });
  it("leaves a channel's emoji vote alone in Slack, where it is how a channel polls (found by a probe)", () => {
    const poll = "Répondez 👍 pour synchrone, 👀 pour asynchrone, et racontez-moi en fil.";
    expect(excerpts(engagementBait, poll, "fr", "slack")).toEqual([]);
    expect(excerpts(engagementBait, "React with 👀 once you've read the runbook.", "en", "slack")).toEqual(
      [],
    );
    // Still bait on LinkedIn, and a word asked for is bait in Slack too.
    expect(excerpts(engagementBait, poll, "fr", "linkedin")).toHaveLength(1);
    expect(excerpts(engagementBait, "Comment YES if you agree!", "en", "slack")).toEqual([
      "comment:Comment YES",
    ]);
  });
  it("in Slack, exempts only a real poll or an acknowledgement, shortcodes too (found by a review)", () => {
    for (const text of [
      "React with :eyes: once you've read the runbook.",
      "React with a 👀 once you've read the runbook.",
      "React with 👍 for sync, :eyes: for async.",
    ])
      expect(excerpts(engagementBait, text, "en", "slack"), text).toEqual([]);
    expect(
      excerpts(engagementBait, "Réagissez avec 👀 une fois que vous avez lu la doc.", "fr", "slack"),
    ).toEqual([]);
    // Options listed in the post, each answered by its emoji (found by a probe).
    expect(
      excerpts(
        engagementBait,
        "A) Lisbon, B) the office, C) a workshop. React with your letter by Friday.",
        "en",
        "slack",
      ),
    ).toEqual([]);
    expect(
      excerpts(
        engagementBait,
        "1) Paris, 2) au vert. Réagissez avec l'emoji correspondant avant vendredi.",
        "fr",
        "slack",
      ),
    ).toEqual([]);
    expect(
      excerpts(engagementBait, "React with your letter if you want my template.", "en", "slack"),
    ).toHaveLength(1);
    // A reaction traded for something, or no options listed, is bait still (found by a review).
    expect(
      excerpts(
        engagementBait,
        "A) yes, B) no. React with your letter and I'll send you my pricing template.",
        "en",
        "slack",
      ),
    ).toHaveLength(1);
    expect(
      excerpts(
        engagementBait,
        "1) oui, 2) non. Réagissez avec votre numéro et je vous envoie mon modèle.",
        "fr",
        "slack",
      ),
    ).toHaveLength(1);
    expect(excerpts(engagementBait, "React with your number!", "en", "slack")).toHaveLength(1);
    expect(
      excerpts(
        engagementBait,
        "A) Lisbon, B) the office. React with your letter by Friday.",
        "en",
        "linkedin",
      ),
    ).toHaveLength(1);
    // Counter-cases: one emoji traded for a gift or an opinion is bait in Slack too, and any vote
    // stays bait on LinkedIn.
    expect(excerpts(engagementBait, "Comment 🔥 if you want my template.", "en", "slack")).toEqual([
      "comment:Comment 🔥",
    ]);
    expect(excerpts(engagementBait, "Comment :fire: if you want my template.", "en", "slack")).toEqual([
      "comment:Comment :fire:",
    ]);
    expect(excerpts(engagementBait, "React with 👍 if you agree.", "en", "slack")).toEqual([
      "react:React with",
    ]);
    expect(excerpts(engagementBait, "Commentez 🔥 si vous voulez le modèle.", "fr", "slack")).toEqual([
      "comment:Commentez 🔥",
    ]);
    expect(
      excerpts(engagementBait, "React with :eyes: once you've read the runbook.", "en", "linkedin"),
    ).toEqual(["react:React with"]);
  });
  it("in Slack, reads 'when done' and an RSVP as an acknowledgement (found by a final review)", () => {
    for (const text of [
      "Please react with ✅ when done.",
      "React with :white_check_mark: once done.",
      "Drop a 👍 if you can make it to the offsite.",
      "React with 👍 if you're coming to lunch.",
    ])
      expect(excerpts(engagementBait, text, "en", "slack"), text).toEqual([]);
    for (const text of ["Réagissez avec 👍 si vous venez jeudi.", "Réagissez avec ✅ une fois fait."])
      expect(excerpts(engagementBait, text, "fr", "slack"), text).toEqual([]);
    // Counter-cases: a gift or an opinion traded for the reaction, and LinkedIn, stay bait.
    expect(excerpts(engagementBait, "Drop a 👍 if you want the slides.", "en", "slack")).toEqual([
      "comment:Drop a 👍",
    ]);
    expect(excerpts(engagementBait, "Please react with ✅ when done.", "en", "linkedin")).toEqual([
      "react:react with",
    ]);
    expect(excerpts(engagementBait, "Réagissez avec 👍 si vous êtes d'accord.", "fr", "slack")).toEqual([
      "react:Réagissez avec",
    ]);
  });
  it("finds each kind of bait in French", () => {
    expect(excerpts(engagementBait, "Likez si vous êtes d'accord !", "fr")).toEqual(["react:Likez si"]);
    expect(excerpts(engagementBait, "Commentez « OUI » si vous voulez le guide.", "fr")).toEqual([
      "comment:Commentez « OUI »",
    ]);
    expect(excerpts(engagementBait, "Identifiez un collègue qui en a besoin.", "fr")).toEqual([
      "tag:Identifiez un",
    ]);
  });
  it("leaves real invitations alone", () => {
    expect(
      excerpts(engagementBait, "Comment below with your own approach, I read every reply.", "en"),
    ).toEqual([]);
    expect(excerpts(engagementBait, "I'd like to share what we learned.", "en")).toEqual([]);
    expect(excerpts(engagementBait, "Commentez avec votre propre méthode.", "fr")).toEqual([]);
  });
});
