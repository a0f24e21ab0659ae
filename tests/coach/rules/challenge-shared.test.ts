import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/coach/index.js";
import { challengeShared } from "../../../src/coach/rules/challenge-shared.js";
import { excerpts } from "../../helpers/rules.js";

describe("challenge-shared", () => {
  it("finds difficulties and doubts", () => {
    expect(excerpts(challengeShared, "It wasn't easy: I failed twice and had doubts.", "en")).toEqual([
      "wasn't easy",
      "failed",
      "doubts",
    ]);
    expect(excerpts(challengeShared, "Ça n'a pas été facile, j'ai eu des doutes.", "fr")).toEqual([
      "pas été facile",
      "doutes",
    ]);
  });
  it("reads a topic as a topic: burnout in an article, 'none stuck', an 'I admit' that only agrees", () => {
    for (const text of [
      "Our product helps teams avoid burnout.",
      "Great article on burnout.",
      "We tried Jira, Linear, etc. and none stuck.",
    ])
      expect(excerpts(challengeShared, text, "en"), text).toEqual([]);
    for (const text of ["Super article sur le burn-out.", "J'avoue, ce resto est top."])
      expect(excerpts(challengeShared, text, "fr"), text).toEqual([]);
    expect(excerpts(challengeShared, "After my burnout I was stuck for weeks.", "en")).toEqual([
      "burnout",
      "stuck",
    ]);
    expect(excerpts(challengeShared, "J'avoue que j'ai fait un burn-out.", "fr")).toEqual([
      "J'avoue que",
      "burn-out",
    ]);
    // Counter-cases from a review: struggles told without "I was".
    expect(excerpts(challengeShared, "Stuck on the same bug for two days.", "en")).toEqual(["Stuck"]);
    expect(excerpts(challengeShared, "I'm still stuck on this migration.", "en")).toEqual(["ongoing:stuck"]);
    expect(excerpts(challengeShared, "Last year I hit burnout.", "en")).toEqual(["burnout"]);
  });
  it("finds shame, layoffs and running out of money, and French plurals", () => {
    expect(
      excerpts(challengeShared, "I was embarrassed when I got laid off; we nearly ran out of money.", "en"),
    ).toEqual(["embarrassed", "laid off", "ran out of money"]);
    expect(excerpts(challengeShared, "Deux pilotes ratés, et j'avais honte d'être licenciée.", "fr")).toEqual(
      ["ratés", "honte", "licenciée"],
    );
  });
  it("reads 'sans doute' as 'probably', not as a doubt (blind probe)", () => {
    for (const text of [
      "C'est sans doute le code le plus propre que j'aie jamais écrit.",
      "C'est sans aucun doute notre meilleur trimestre.",
      "Nul doute que ça va marcher.",
    ])
      expect(excerpts(challengeShared, text, "fr"), text).toEqual([]);
    expect(excerpts(challengeShared, "J'ai des doutes sur ce choix.", "fr")).toEqual(["doutes"]);
    expect(excerpts(challengeShared, "Le doute m'a accompagné tout le projet.", "fr")).toEqual(["doute"]);
    expect(excerpts(challengeShared, "Sans doute, j'ai douté.", "fr")).toEqual(["douté"]);
  });
  it("reads 'dépassé' with an object as exceeded, without one as overwhelmed (blind probe)", () => {
    for (const text of [
      "J'ai toujours dépassé mes objectifs.",
      "On a dépassé les 10 000 clients.",
      "Nous avons largement dépassé l'objectif du trimestre.",
    ])
      expect(excerpts(challengeShared, text, "fr"), text).toEqual([]);
    for (const text of [
      "Je me suis senti dépassé.",
      "J'étais complètement dépassée par la charge.",
      "Dépassé, j'ai demandé de l'aide.",
    ])
      expect(excerpts(challengeShared, text, "fr"), text).toEqual([text.match(/[Dd]épassée?/)![0]]);
  });
  it("finds nothing in a smooth success story", () => {
    expect(excerpts(challengeShared, "We launched and it went great.", "en")).toEqual([]);
    expect(excerpts(challengeShared, "On a lancé et tout s'est bien passé.", "fr")).toEqual([]);
  });
  it("does not take 'honestly' for a difficulty", () => {
    expect(excerpts(challengeShared, "Honestly the best thing I've ever owned.", "en")).toEqual([]);
    expect(excerpts(challengeShared, "Honnêtement, le meilleur achat de ma vie.", "fr")).toEqual([]);
  });
  it("reads no difficulty in a denied one, in kindness that overwhelms, in objectives exceeded, nor in the reader's (found by a probe)", () => {
    for (const text of [
      "The migration went live on Saturday with zero failed transactions.",
      "No doubt, this was our best quarter.",
      "Thank you to everyone who congratulated me! Over 500 messages, I'm overwhelmed.",
      "I'm overwhelmed by all your kind messages.",
      "If you're stuck on your migration, here is what helped us.",
    ])
      expect(excerpts(challengeShared, text, "en"), text).toEqual([]);
    for (const text of [
      "Si vous connaissez une équipe qui galère avec sa priorisation, parlons-en.",
      "Lancement réussi, sans stress et zéro erreur.",
      "Reconnu pour ma vision, j'ai toujours dépassé mes objectifs.",
    ])
      expect(excerpts(challengeShared, text, "fr"), text).toEqual([]);
    // Counter-cases: failures counted, a backlog that overwhelms, "you" who helped the author through.
    expect(excerpts(challengeShared, "We had 3 failed deploys last week.", "en")).toEqual(["failed"]);
    expect(excerpts(challengeShared, "I'm overwhelmed by the backlog.", "en")).toEqual(["overwhelmed"]);
    expect(excerpts(challengeShared, "Thank you for staying when I failed.", "en")).toEqual(["failed"]);
    expect(excerpts(challengeShared, "You made me doubt myself.", "en")).toEqual(["doubt"]);
    expect(excerpts(challengeShared, "Notre équipe a galéré avec sa priorisation.", "fr")).toEqual([
      "galéré",
    ]);
    expect(excerpts(challengeShared, "Je me sens dépassé par le volume de tickets.", "fr")).toEqual([
      "dépassé",
    ]);
  });
  it("tells a difficulty not behind the author yet from one overcome (found by a probe)", () => {
    expect(
      excerpts(
        challengeShared,
        "The hard part: our monitoring is noisy and we haven't fixed it yet; that would be your first quarter.",
        "en",
      ),
    ).toEqual(["ongoing:hard part"]);
    expect(excerpts(challengeShared, "J'ai toujours des doutes, rien n'est réglé.", "fr")).toEqual([
      "ongoing:doutes",
    ]);
    // "Still" after the difficulty, in another clause, concedes: it is overcome.
    expect(excerpts(challengeShared, "It was a hard time, but I still finished.", "en")).toEqual([
      "hard time",
    ]);
    expect(excerpts(challengeShared, "It wasn't easy, but I still shipped it.", "en")).toEqual([
      "wasn't easy",
    ]);
  });
  it("asks where the author stands on a difficulty not solved yet, not what they did about it", () => {
    const hiring = analyze(
      "We're hiring an SRE. The hard part: our monitoring is noisy and we haven't fixed it yet; that would be your first quarter.",
    ).questions.join(" ");
    expect(hiring).toContain("Where do you stand with it now");
    expect(hiring).not.toContain("What did you do about it");
    const fixed = analyze(
      "Our monitoring was noisy for a year and I was overwhelmed by pages. We cut alerts to the ones a human must act on.",
    ).questions.join(" ");
    expect(fixed).toContain("What did you do about it");
  });
  it("reads struggle in 'overwhelmed' and 'dépassé' unless kind words overwhelm or a goal was exceeded (found by a review)", () => {
    for (const text of [
      "For a year I was overwhelmed by Slack messages, 300 a day.",
      "Thanks to my therapist for helping me when I was overwhelmed.",
    ])
      expect(excerpts(challengeShared, text, "en"), text).toEqual(["overwhelmed"]);
    for (const text of [
      "Pendant un an, j'étais dépassé par les messages Slack.",
      "Je me suis senti dépassé tous les jours.",
      "J'étais complètement dépassé la plupart du temps.",
      "Je me suis senti dépassé par les objectifs du trimestre.",
    ])
      expect(excerpts(challengeShared, text, "fr"), text).toEqual(["dépassé"]);
    // Counter-cases: kind words and wishes still overwhelm with joy, goals and figures are exceeded.
    for (const text of ["So many kind words. I'm overwhelmed.", "Overwhelmed by your birthday wishes!"])
      expect(excerpts(challengeShared, text, "en"), text).toEqual([]);
    for (const text of [
      "Merci pour vos vœux, je suis dépassé.",
      "Je suis dépassée par vos messages si gentils.",
      "J'ai dépassé les attentes.",
    ])
      expect(excerpts(challengeShared, text, "fr"), text).toEqual([]);
  });
  it("reads struggle when kind words come before a hardship that overwhelms, or a budget overrun (found by a final review)", () => {
    for (const text of [
      "Happy birthday wishes aside, I was overwhelmed by the workload this month.",
      "Thanks for all the congratulations! I was overwhelmed with work all week though.",
    ])
      expect(excerpts(challengeShared, text, "en"), text).toEqual(["overwhelmed"]);
    for (const text of [
      "Merci pour toutes vos félicitations ! Par contre je suis complètement dépassé par la migration.",
      "Merci pour vos vœux. Par contre je suis dépassé.",
    ])
      expect(excerpts(challengeShared, text, "fr"), text).toEqual(["dépassé"]);
    expect(excerpts(challengeShared, "Le projet a dépassé le budget de 30 %.", "fr")).toEqual(["dépassé"]);
    // Counter-cases: kindness as the cause, or with no other cause named, still overwhelms with joy;
    // figures and goals are still exceeded.
    for (const text of [
      "Thanks for all the congratulations! I'm overwhelmed by your kind messages.",
      "I'm overwhelmed, so many kind words!",
    ])
      expect(excerpts(challengeShared, text, "en"), text).toEqual([]);
    for (const text of [
      "Merci pour toutes vos félicitations ! Je suis dépassé par vos messages si gentils.",
      "Nous avons dépassé les 10 000 utilisateurs.",
      "On a dépassé nos objectifs de 30 %.",
    ])
      expect(excerpts(challengeShared, text, "fr"), text).toEqual([]);
  });
  it("reads a denier itself denied as a difficulty told (found by a review)", () => {
    expect(excerpts(challengeShared, "It wasn't without doubts.", "en")).toEqual(["doubts"]);
    expect(excerpts(challengeShared, "Ce ne fut pas sans peur.", "fr")).toEqual(["peur"]);
    expect(excerpts(challengeShared, "We shipped without fear.", "en")).toEqual([]);
  });
  it("tells a memory and 'always' from 'still', and hears a struggle told in the present (found by a review)", () => {
    expect(excerpts(challengeShared, "I still remember the fear of my first on-call night.", "en")).toEqual([
      "fear",
    ]);
    expect(
      excerpts(
        challengeShared,
        "J'ai toujours eu peur de parler en public, jusqu'à ce que je m'y mette.",
        "fr",
      ),
    ).toEqual(["peur"]);
    expect(
      excerpts(
        challengeShared,
        "I'm struggling with burnout right now and I don't know how to get out of it.",
        "en",
      )[0],
    ).toBe("ongoing:struggling");
    expect(excerpts(challengeShared, "Je galère encore avec ce bug.", "fr")).toEqual(["ongoing:galère"]);
    // Counter-cases: "encore une fois" is once more, a present "I'm afraid that" is politeness.
    expect(excerpts(challengeShared, "J'ai galéré encore une fois.", "fr")).toEqual(["galéré"]);
    expect(excerpts(challengeShared, "I'm afraid that this is wrong.", "en")).toEqual(["afraid"]);
  });
});
