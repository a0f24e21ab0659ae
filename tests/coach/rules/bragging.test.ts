import { describe, expect, it } from "vitest";
import { bragging } from "../../../src/coach/rules/bragging.js";
import { excerpts } from "../../helpers/rules.js";

describe("bragging (Jin et al. types)", () => {
  it("finds achievements, traits and possessions in English", () => {
    expect(excerpts(bragging, "Just got promoted!", "en")).toEqual(["achievement:got promoted"]);
    expect(excerpts(bragging, "Honestly, I'm a natural leader.", "en")).toEqual(["trait:I'm a natural"]);
    expect(excerpts(bragging, "People keep telling me I'm the calmest person in any crisis.", "en")).toEqual([
      "trait:People keep telling me I'm",
    ]);
    expect(excerpts(bragging, "On me dit souvent que je suis la plus calme.", "fr")).toEqual([
      "trait:On me dit souvent que je suis",
    ]);
    expect(excerpts(bragging, "Picked up my new Tesla today.", "en")).toEqual([
      "possession:Picked up my new Tesla",
    ]);
  });
  it("finds achievements in French", () => {
    expect(excerpts(bragging, "J'ai été promu directeur.", "fr")).toEqual(["achievement:J'ai été promu"]);
    // Short posts with no subject, as French writes them.
    expect(excerpts(bragging, "Reçue à HEC !!!", "fr")).toEqual(["achievement:Reçue à"]);
    expect(excerpts(bragging, "Nouveau job chez Google 🎉", "fr")).toEqual(["affiliation:Nouveau job chez"]);
    expect(excerpts(bragging, "Je suis le meilleur vendeur de l'équipe.", "fr")).toEqual([
      "trait:Je suis le meilleur",
    ]);
    // "I've always exceeded my targets" claims a trait, as "j'ai toujours réussi" does (blind probe).
    // "One of the most attended", "were named the best startup": their French forms (blind probe).
    expect(excerpts(bragging, "Mon intervention a été l'une des plus applaudies.", "fr")).toEqual([
      "achievement:l'une des plus applaudies",
    ]);
    expect(
      excerpts(bragging, "En 2014, j'ai été l'un des premiers patrons à passer en full remote.", "fr"),
    ).toEqual(["achievement:l'un des premiers"]);
    expect(excerpts(bragging, "C'est l'un des plus gros problèmes du secteur.", "fr")).toEqual([]);
    expect(excerpts(bragging, "On a été élus meilleure startup de l'année.", "fr")).toEqual([
      "achievement:a été élus",
    ]);
    for (const verb of ["dépassé", "atteint"])
      expect(excerpts(bragging, `J'ai toujours ${verb} mes objectifs.`, "fr")).toEqual([
        `trait:J'ai toujours ${verb}`,
      ]);
  });
  it("finds the author crediting their own qualities, and 'I was right' (found by a probe)", () => {
    expect(
      excerpts(
        bragging,
        "From intern to VP: I couldn't have done it without my incredible drive and my team.",
        "en",
      ),
    ).toEqual(["trait:my incredible drive"]);
    expect(
      excerpts(bragging, "Je n'y serais jamais arrivé sans ma détermination et mon équipe formidable.", "fr"),
    ).toEqual(["trait:ma détermination"]);
    expect(
      excerpts(bragging, "I've been saying this for 10 years and I was right: remote is the future.", "en"),
    ).toEqual(["trait:I was right"]);
    expect(excerpts(bragging, "I owe it all to my relentless drive.", "en")).toEqual([
      "trait:my relentless drive",
    ]);
    expect(excerpts(bragging, "Grâce à ma seule détermination, j'ai tout réussi.", "fr")).toContain(
      "trait:ma seule détermination",
    );
    expect(
      excerpts(
        bragging,
        "Ça fait dix ans que je le dis et j'avais raison : le télétravail, c'est l'avenir.",
        "fr",
      ),
    ).toEqual(["trait:j'avais raison"]);
    for (const [text, lang] of [
      ["I couldn't have done it without my wife.", "en"],
      ["I was right there when it happened.", "en"],
      ["J'avais raison de m'inquiéter pour la migration.", "fr"],
      // Found by a review: a verdict the author takes back, a person, a thing.
      ["I thought I was right, so I pushed back hard. I was wrong.", "en"],
      ["Je pensais que j'avais raison. J'avais tort.", "fr"],
      ["I couldn't have done it without my talent agent, Sarah.", "en"],
      ["I couldn't have done it without my vision correction glasses.", "en"],
    ] as const)
      expect(excerpts(bragging, text, lang), text).toEqual([]);
  });
  it("finds brags told in words the labelled tweets lacked (found by tweets written blind to them)", () => {
    const en: [string, string][] = [
      ["I'm the funniest person in every group chat", "trait:I'm the funniest"],
      ["I have never lost a game of chess to my family", "trait:I have never lost a"],
      ["I outwork anyone in this office", "trait:outwork anyone"],
      ["on top of the world rn after that presentation", "feeling:on top of the world"],
      ["all my hard work finally paid off", "feeling:all my hard work finally paid off"],
      ["backstage at the Grammys rn", "action:backstage at"],
      ["flew first class to Dubai", "action:flew first class"],
      ["officially debt free as of today", "achievement:debt free"],
      ["the new truck is lifted and loud", "possession:new truck"],
    ];
    for (const [draft, found] of en) expect(excerpts(bragging, draft, "en")).toContain(found);
    const fr: [string, string][] = [
      ["j'ai une mémoire photographique", "trait:j'ai une mémoire photographique"],
      ["Permis validé du premier coup !!!", "achievement:Permis validé"],
      ["Loge VIP pour le Classico ce soir", "action:Loge VIP"],
      ["tous mes efforts ont enfin payé", "feeling:tous mes efforts ont enfin payé"],
      ["mon copain m'a offert un sac Chanel", "possession:m'a offert un sac"],
    ];
    for (const [draft, found] of fr) expect(excerpts(bragging, draft, "fr")).toContain(found);
  });
  it("leaves those words alone where they brag about nothing (found by a review)", () => {
    for (const draft of [
      "I'm the oldest of four kids",
      "I'm the richest I've ever been: $200 in savings",
      "Courtside seats for the finals are now $5,000. Madness.",
      "Top performer in our region this quarter was Jamal!",
      "Inner peace is a myth sold by wellness apps.",
      "Designer bags are a scam.",
      "My flight to Ibiza got cancelled.",
      "My monstera is thriving.",
      "Couldn't ask for more time off this year, sadly.",
      "Karim's hard work paid off, congrats to him!",
      "I copped a parking ticket today.",
      "My dad got me a car seat for the baby.",
      "My sense of direction is insane, I got lost twice.",
      "I've never had to study this hard.",
      "No one procrastinates like me.",
      "Got 2 CT scans this week.",
      "I was invited to join a meeting that could have been an email.",
      "so I can be debt free by 2030",
      "Can I fly business class with a lap infant?",
      "a cop a day keeps the crime away",
      "life is hard",
    ])
      expect(excerpts(bragging, draft, "en"), draft).toEqual([]);
    for (const draft of [
      "personne ne m'aime",
      "j'ai raté mon permis",
      "il est sur un nuage",
      "Note : 16/20 pour ce resto.",
      "Résidence secondaire : comment la déclarer aux impôts",
      "Aux côtés de la ministre, les syndicats ont manifesté.",
      "Élue meilleure boulangerie du quartier, bravo à eux !",
      "J'habite à Cannes, les loyers sont fous.",
      "Qui dit mieux ? Trois bugs en prod.",
      "J'ai plus de dettes que d'économies.",
      "J'ai pas besoin de réviser, l'examen est annulé.",
      "Je suis la plus rapide pour casser mes lunettes.",
      "On m'a dit que je ressemblais à mon père.",
      "Je plane depuis l'anesthésie.",
      "Quelle fierté de voir Julie nommée directrice !",
    ])
      expect(excerpts(bragging, draft, "fr"), draft).toEqual([]);
  });
  it("does not count someone else's win as the author's brag", () => {
    expect(
      excerpts(bragging, "Congratulations to Maria, whose team won the award for accessibility.", "en"),
    ).toEqual([]);
    expect(excerpts(bragging, "Bravo à Maria dont l'équipe a remporté le prix.", "fr")).toEqual([]);
  });
  it("finds nothing in an ordinary post", () => {
    expect(excerpts(bragging, "I need coffee before this meeting.", "en")).toEqual([]);
    expect(excerpts(bragging, "Il me faut un café avant cette réunion.", "fr")).toEqual([]);
  });
});
