import { describe, expect, it } from "vitest";
import { specifics } from "../../../src/coach/rules/specifics.js";
import { excerpts } from "../../helpers/rules.js";

describe("specifics", () => {
  it("finds numbers and amounts", () => {
    expect(excerpts(specifics, "Build time went from 14 min to 6 min, a 57% cut.", "en")).toEqual([
      "14 min",
      "6 min",
      "57%",
    ]);
    expect(excerpts(specifics, "Le build est passé de 14 à 6 minutes.", "fr")).toEqual(["14", "6"]);
  });
  it("reads every number of a list flattened into one line as a marker (found by a review)", () => {
    expect(
      excerpts(specifics, "Three things that helped me: 1. breathe 2. call friends 3. rest", "en"),
    ).toEqual([]);
  });
  it("ignores a number in a sales pitch: scarcity is no detail for the reader", () => {
    expect(excerpts(specifics, "Only 20 seats left! Register now.", "en")).toEqual([]);
    expect(excerpts(specifics, "Plus que 15 places ! Inscrivez-vous.", "fr")).toEqual([]);
  });
  it("ignores a count of the attention the author got: messages, likes, views (found by a probe)", () => {
    expect(
      excerpts(specifics, "Merci pour vos félicitations ! 🙏 Plus de 500 messages, je suis ému.", "fr"),
    ).toEqual([]);
    expect(excerpts(specifics, "1 million de vues et 12k abonnés en un an.", "fr")).toEqual([]);
    expect(excerpts(specifics, "Over 500 kind messages and 2,000 likes.", "en")).toEqual([]);
    // Counter-cases: the author's own effort, and a number of anything else, are details.
    expect(excerpts(specifics, "I sent 200 cold messages and got 3 replies.", "en")).toEqual(["200", "3"]);
    expect(excerpts(specifics, "We answer 500 support tickets a week with 4 people.", "en")).toEqual([
      "500",
      "4",
    ]);
  });
  it("keeps a rate or a system's measurement of messages or connections: no attention received (found by a review)", () => {
    expect(excerpts(specifics, "Our Kafka cluster handles 2 million messages per second.", "en")).toEqual([
      "2",
    ]);
    expect(excerpts(specifics, "We cut the pool from 500 to 40 connections.", "en")).toEqual(["500", "40"]);
    expect(excerpts(specifics, "The bot posts 300 messages a day.", "en")).toEqual(["300"]);
    expect(excerpts(specifics, "Notre cluster traite 2 millions de messages par seconde.", "fr")).toEqual([
      "2",
    ]);
    // Counter-cases: attention received stays no detail, a range of it too.
    expect(excerpts(specifics, "10k followers and 2,000 comments on my post.", "en")).toEqual([]);
    expect(excerpts(specifics, "I went from 500 to 5,000 followers.", "en")).toEqual([]);
    expect(excerpts(specifics, "De 500 à 10 000 abonnés en un an.", "fr")).toEqual([]);
  });
  it("ignores the digits of a link or a mention: an address, not a detail", () => {
    expect(excerpts(specifics, "Read it at https://mysite.com/award-2026 today", "en")).toEqual([]);
    expect(excerpts(specifics, "Merci <@U0G9QF9C6> et @sam_2024 pour la relecture.", "fr")).toEqual([]);
    expect(excerpts(specifics, "We cut 40% of build time: https://example.com/post-2026", "en")).toEqual([
      "40%",
    ]);
  });
  it("ignores hashtags with digits and vague text", () => {
    expect(excerpts(specifics, "Great year #2024", "en")).toEqual([]);
    expect(excerpts(specifics, "Une belle année.", "fr")).toEqual([]);
  });
});

describe("specifics, what a number is", () => {
  it("keeps money, percentages, durations and statistics", () => {
    expect(excerpts(specifics, "We grew 35% in 3 months.", "en")).toEqual(["35%", "3"]);
    expect(excerpts(specifics, "Budget : 12 000 € et 2 heures par semaine.", "fr")).toEqual([
      "12 000 €",
      "2",
    ]);
    expect(excerpts(specifics, "It cost us $5k and 1,200 hours.", "en")).toEqual(["$5k", "1,200"]);
    expect(excerpts(specifics, "Le taux passe à 3,5 % en 2026.", "fr")).toEqual(["3,5 %", "2026"]);
  });
  it("reads a list marker as no detail", () => {
    expect(excerpts(specifics, "My tips:\n1. Ship small.\n2. Test first.", "en")).toEqual([]);
    expect(excerpts(specifics, "Mes conseils :\n  - 1) relisez\n  - 2) testez", "fr")).toEqual([]);
    expect(excerpts(specifics, "Deux conseils : 1) relisez, 2) testez.", "fr")).toEqual([]);
    // A list flattened into one line, as pasted posts often are.
    expect(excerpts(specifics, "Three steps: 1. Listen first. 2. Ask why.", "en")).toEqual([]);
    // A thread's "1/" opens a line too; a number in parentheses or ending a sentence is still one.
    expect(
      excerpts(
        specifics,
        "1/ Why we moved.\nWe cut costs (by 30) in 2024. Then 12. At age 12. I left.",
        "en",
      ),
    ).toEqual(["30", "2024", "12", "12"]);
  });
  it("reads a number glued to a word by a hyphen as part of a name", () => {
    expect(excerpts(specifics, "Post-COVID-19, remote is here to stay.", "en")).toEqual([]);
    expect(excerpts(specifics, "The B-52 flew over; Windows-11 shipped; a top-10 list.", "en")).toEqual([]);
  });
  it("quotes the number without the punctuation after it", () => {
    expect(excerpts(specifics, "We hired 11. Then we grew to 19, then 25.", "en")).toEqual([
      "11",
      "19",
      "25",
    ]);
  });
  it("reads a date, a time, a fraction or a range as one detail", () => {
    expect(excerpts(specifics, "Meeting moved to 10/11.", "en")).toEqual(["10/11"]);
    expect(excerpts(specifics, "Rendez-vous le 12/03/2026 à 14h30, puis à 9:30.", "fr")).toEqual([
      "12/03/2026",
      "14h30",
      "9:30",
    ]);
    expect(excerpts(specifics, "Support 24/7. Thread 1/5. Teams of 5-10 people.", "en")).toEqual([
      "24/7",
      "1/5",
      "5-10",
    ]);
  });
  it("never joins two numbers across a comma and a space", () => {
    expect(excerpts(specifics, "Room 42, 3rd floor.", "en")).toEqual(["42", "3"]);
    expect(excerpts(specifics, "In 2024, 300 people came.", "en")).toEqual(["2024", "300"]);
  });
  it("leaves a phone number to the oversharing rule", () => {
    expect(excerpts(specifics, "Contactez-moi au 06 12 34 56 78.", "fr")).toEqual([]);
    expect(excerpts(specifics, "Call +1 415 555 0100 about the 3 openings.", "en")).toEqual(["3"]);
  });
  it("asks nothing of a number told in a sentence about loss", () => {
    expect(
      excerpts(specifics, "Our founder passed away aged 85 in mid-October. He built 3 companies.", "en"),
    ).toEqual(["3"]);
    expect(excerpts(specifics, "After the layoffs, 40 of us were laid off.", "en")).toEqual([]);
    expect(
      excerpts(specifics, "Notre fondateur nous a quittés à 85 ans. Il a créé 3 sociétés.", "fr"),
    ).toEqual(["3"]);
    expect(excerpts(specifics, "Le plan de licenciement touche 120 personnes.", "fr")).toEqual([]);
    expect(excerpts(specifics, "Elle est décédée le 12/10, à 85 ans.", "fr")).toEqual([]);
  });
});
