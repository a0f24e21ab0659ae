import { describe, expect, it } from "vitest";
import { analyze } from "../../src/coach/index.js";

const rulesOf = (text: string, lang?: "en" | "fr") =>
  analyze(text, lang ? { lang } : {}).findings.map((f) => f.rule);
const EGO = [
  "bragging",
  "self-celebration",
  "self-congratulation",
  "prism-of-me",
  "success-without-struggle",
];
const ego = (text: string, lang?: "en" | "fr") => rulesOf(text, lang).filter((r) => EGO.includes(r));
/** The "things you did or got" signal of a draft, if it has one. */
const credit = (text: string, lang?: "en" | "fr") =>
  analyze(text, lang ? { lang } : {}).signals.filter((s) => s.signal === "self-credit");

describe("context: what turns self-praise into something else", () => {
  it("a failure or a lesson is not self-celebration (issue 9's false positives)", () => {
    expect(ego("Three things I wish I'd known before my first on-call shift")).toEqual([]);
    expect(ego("J'ai raté mon premier lancement produit", "fr")).toEqual([]);
    expect(ego("My first launch failed, and here is what it taught me.")).toEqual([]);
  });

  it("a loss is nothing won: 'got laid off', 'passed away', 'ran out of time'", () => {
    for (const text of [
      "I got laid off today.",
      "I got fired.",
      "My father passed away.",
      "I ran out of time.",
    ]) {
      expect(ego(text), text).toEqual([]);
      expect(credit(text), text).toEqual([]);
    }
    for (const text of ["J'ai été licenciée ce matin.", "Mon père est décédé hier."]) {
      expect(ego(text, "fr"), text).toEqual([]);
      expect(credit(text, "fr"), text).toEqual([]);
    }
    expect(ego("I got promoted today.")).toContain("bragging");
    expect(credit("I got promoted today.")).toHaveLength(1);
  });

  it("reads a word with its neighbours: 'en fait', 'je viens de Lyon', 'pas mal', 'le seul', 'a gold mine'", () => {
    const signals = (text: string, lang: "en" | "fr") => analyze(text, { lang }).signals.map((s) => s.signal);
    expect(signals("En fait, ça marche.", "fr")).not.toContain("self-credit");
    expect(signals("Je viens de Lyon et je cherche un poste de dev.", "fr")).not.toContain("self-credit");
    expect(signals("Je viens de signer chez Doctolib.", "fr")).toContain("self-credit");
    expect(signals("Pas mal, ce nouveau process.", "fr")).toEqual([]);
    expect(signals("Fini les clics dans le ruban.", "fr")).not.toContain("self-credit");
    expect(signals("Finies les réunions du lundi matin.", "fr")).not.toContain("self-credit");
    // "Mois" (month) was read as "moi" + s, so as the author.
    expect(
      signals("Bravo à @lucie qui a trouvé pourquoi le test échouait une fois sur dix depuis un mois.", "fr"),
    ).not.toContain("self-credit");
    expect(signals("On a enfin fini la migration.", "fr")).toContain("self-credit");
    expect(signals("Le seul truc qui compte, c'est le client.", "fr")).toEqual([]);
    expect(signals("Je me sens seule ce soir.", "fr")).toContain("negative-feeling");
    expect(signals("This repo is a gold mine of bugs.", "en")).toEqual([]);
    expect(signals("This one is mine.", "en")).toContain("self-focus");
  });

  it("a post telling a loss in the author's life accuses no ego; a comeback told after it does", () => {
    for (const text of [
      "Last month I was diagnosed with breast cancer. My team has been amazing and I am grateful for every message.",
      "Today was my last day at Acme: my position was one of the 300 cut. I'm proud of what we achieved together, we launched the mobile app.",
      "My colleague and friend Daniel passed away last week. He was the first person who reviewed my code when I joined.",
    ]) {
      expect(ego(text), text).toEqual([]);
      expect(rulesOf(text), text).not.toContain("company-news");
    }
    expect(ego("I was let go in March. Today I'm thrilled to announce I've joined Google!")).toContain(
      "bragging",
    );
  });

  it("a loss told weighs no win in the score either: gratitude after a diagnosis is no self-praise", () => {
    // A cancer post scored 33, "Reads as self-promotion", on its signals alone (found by the lead).
    const signalsOf = (text: string, lang?: "en" | "fr") =>
      analyze(text, lang ? { lang } : {}).signals.map((s) => s.signal);
    const diagnosis =
      "Last month I was diagnosed with breast cancer. I'm starting treatment next week. I am grateful for every message and for my family. I will be less online for a while.";
    for (const signal of ["self-praise", "self-positive", "self-time", "self-past"])
      expect(signalsOf(diagnosis), signal).not.toContain(signal);
    expect(analyze(diagnosis).score).toBeGreaterThanOrEqual(35);
    expect(
      signalsOf("J'ai été licenciée en mars. Je suis fière de tout ce qu'on a construit.", "fr"),
    ).not.toContain("self-praise");
    // Falling ill after a diet is no loss in the author's life, in French as in English.
    expect(
      signalsOf(
        "J'ai essayé le keto et je suis tombé malade, alors j'ai arrêté. J'ai perdu dix kilos !",
        "fr",
      ),
    ).toContain("self-past");
    // The same gratitude with no loss told is the author's own news.
    expect(signalsOf("I am grateful for every message and so proud of my promotion.")).toContain(
      "self-praise",
    );
  });

  it("a death told in jest or denied is no loss: 'No one died', 'how I died in 1849'", () => {
    for (const text of [
      // Found by a review: figures of speech hid every win of a boastful post.
      "I nearly died of embarrassment when my demo crashed. Then I fixed it live. I won the regional hackathon!",
      "I was bored to death in meetings. I won the regional hackathon!",
      // A thing that dies is no loss (found by a final review); no "now" word, so no comeback either.
      "My MacBook died an hour before my keynote. I won the regional hackathon!",
      "Death by PowerPoint is real. I won the regional hackathon!",
      "Our CI pipeline died on Friday. I won the regional hackathon!",
      "I was so relieved: no one died. I won the regional hackathon!",
      "I found a site with theories about how I died back in 1849. I won the regional hackathon!",
      "If I'm ever a dad I'll fake my own death. I won the regional hackathon!",
    ])
      expect(ego(text), text).toContain("bragging");
  });

  it("a French thing that dies, or dying of laughter, is no loss (found by a final review)", () => {
    expect(
      ego("Mon Mac est mort juste avant ma conférence. J'ai gagné le prix du meilleur speaker !", "fr"),
    ).toContain("bragging");
    expect(ego("Ma grand-mère est morte de rire. J'ai gagné le prix du meilleur speaker !", "fr")).toContain(
      "bragging",
    );
  });

  it("a loss followed by the author's news of now is a comeback, coached as one (found by a review)", () => {
    expect(
      ego("5 years ago I was laid off. Today I run a $20M company and I just won the regional hackathon!"),
    ).toContain("bragging");
    expect(ego("J'ai fait le deuil de mon ancien poste. Depuis, j'ai été promu directeur !", "fr")).toContain(
      "bragging",
    );
    // After a death, "today I'm grateful" is no comeback (found by a final review: 60 became 24).
    expect(ego("My dad died in May. Today I'm grateful to my team for covering for me.")).toEqual([]);
    expect(
      ego(
        "Mon père est décédé en mai. Cette semaine je reprends le travail et je suis reconnaissant envers mon manager.",
        "fr",
      ),
    ).toEqual([]);
    // What a farewell or a eulogy recalls is no comeback.
    expect(
      ego(
        "Today was my last day at Acme: my position was one of the 300 cut. I'm proud of what we achieved together, we launched the mobile app.",
      ),
    ).toEqual([]);
  });

  it("a time zone sets an event only after a time: 'in UTC' is no date (found by a probe)", () => {
    const eventDetails = (text: string) =>
      analyze(text).signals.find((s) => s.signal === "event-details")?.value ?? 0;
    // A changelog cost 15 points as "dates and times of an event" for "dates are still in UTC".
    expect(eventDetails("Known issue: CSV dates are still in UTC, fix next week.")).toBe(0);
    expect(eventDetails("Les dates du CSV sont encore en UTC.")).toBe(0);
    expect(eventDetails("Entre 3 et 5 personnes.")).toBe(0);
    expect(eventDetails("Join us Thursday 11am PT for the demo.")).toBe(2);
    expect(eventDetails("Webinar at 3 PM ET, Dec. 9th.")).toBe(3);
    expect(eventDetails("Rendez-vous jeudi 14h CET.")).toBe(1);
    expect(eventDetails("Join us at noon ET for the demo.")).toBe(1);
    expect(eventDetails("3 PT sessions a week after my knee surgery.")).toBe(0);
  });

  it("a date sets an event only beside what makes one, and 'personal news' is no public affair (found by a probe)", () => {
    const signal = (text: string, id: string) =>
      analyze(text).signals.find((s) => s.signal === id)?.value ?? 0;
    // A parental-leave notice lost 32 points for its two dates; a project update landed in
    // "reads as self-promotion" with no finding at all.
    expect(
      signal("Heads up: I'm starting parental leave on March 4 and will be back June 3.", "event-details"),
    ).toBe(0);
    expect(signal("We're blocked until their schema freeze lifts on Oct 3.", "event-details")).toBe(0);
    expect(signal("Je serai en congé à partir du 1er septembre.", "event-details")).toBe(0);
    expect(signal("Join our webinar on March 4 at 11am.", "event-details")).toBe(2);
    expect(signal("Rejoignez-nous à l'atelier du 12 mars.", "event-details")).toBe(1);
    // What else makes an event, in its sentence; a cue elsewhere in the post is not enough (found by
    // a review).
    expect(signal("Our product launch is on March 4, come celebrate with us!", "event-details")).toBe(1);
    expect(signal("Notre événement annuel a lieu le 12 mars.", "event-details")).toBe(1);
    expect(signal("On vous attend le 12 mars sur notre stand.", "event-details")).toBe(1);
    expect(
      signal(
        "I'm starting parental leave on March 4. Tom owns the roadmap. Of course, ping Sam for anything urgent.",
        "event-details",
      ),
    ).toBe(0);
    // "Some personal news" is the author's, not the world's (it counted +8 as public affairs).
    expect(signal("Some personal news: I've been promoted to Engineering Manager!", "public-affairs")).toBe(
      0,
    );
    expect(signal("The news about the election is grim.", "public-affairs")).toBeGreaterThan(0);
    expect(signal("Une actualité personnelle : j'ai été promue manager !", "public-affairs")).toBe(0);
    expect(
      signal("Sad news: the earthquake in Turkey has killed thousands.", "public-affairs"),
    ).toBeGreaterThan(0);
  });

  it("joy offered to the reader is no joy at one's own news (found by a probe)", () => {
    const signals = (text: string) => analyze(text).signals.map((s) => s.signal);
    expect(signals("If you know someone, I'm happy to answer questions about the role.")).not.toContain(
      "self-positive",
    );
    expect(signals("Je suis ravie de vous aider si besoin.")).not.toContain("self-positive");
    expect(signals("I'm so happy I finally got the job.")).toContain("self-positive");
  });

  it("a person named as the subject tells their news, not the author's (found by a probe)", () => {
    const signalsOf = (text: string, lang: "en" | "fr") =>
      analyze(text, { lang }).signals.map((s) => s.signal);
    expect(
      signalsOf("Lena Okafor joined us as an intern two years ago. Priya wrote the script.", "en"),
    ).not.toContain("self-past");
    expect(signalsOf("Il y a deux ans, Inès est arrivée chez nous en alternance.", "fr")).not.toContain(
      "self-past",
    );
    // A day is no person, and what a named one gives the author is the author's news (found by a review).
    expect(signalsOf("Monday was huge: proud to have closed our biggest deal ever!", "en")).toContain(
      "self-praise",
    );
    expect(
      signalsOf("Lundi a été incroyable : fier d'avoir signé notre plus gros contrat !", "fr"),
    ).toContain("self-praise");
    expect(rulesOf("Gartner ranked our platform number one in the magic quadrant.")).toContain("bragging");
    expect(
      rulesOf("Station F nous a sélectionnés parmi 2 000 candidatures. Fiers de notre équipe !", "fr"),
    ).toContain("bragging");
    // Found by a final review: a place or an event described is no one acting; "has ranked"
    // gives the author news too; "Inès nous a rejoints" is hers.
    expect(signalsOf("Paris was huge: proud to have closed our biggest deal ever!", "en")).toContain(
      "self-praise",
    );
    expect(
      signalsOf("Pâques a été incroyable : fier d'avoir signé notre plus gros contrat !", "fr"),
    ).toContain("self-praise");
    expect(rulesOf("Gartner has ranked our platform number one in the magic quadrant.")).toContain(
      "bragging",
    );
    expect(
      signalsOf("Inès nous a rejoints en janvier. Elle a refait tout le suivi des crashs.", "fr"),
    ).not.toContain("self-credit");
    expect(signalsOf("Lena is now leading our mobile release.", "en")).not.toContain("self-credit");
    // The author's own past stays theirs; a sentence that opens on a word, not a name, too.
    expect(signalsOf("Today I finished the migration.", "en")).toContain("self-past");
    expect(signalsOf("Finished the migration today, we launched it at noon.", "en")).toContain("self-past");
  });

  it("a French impersonal 'il' is nobody: 'il faut', 'il est temps de' relay no one", () => {
    const others = (text: string) =>
      analyze(text, { lang: "fr" }).signals.filter((s) => s.signal === "others-focus");
    expect(others("Il faut savoir dire non.")).toEqual([]);
    expect(others("Il pleut sur Paris, parfait pour coder.")).toEqual([]);
    expect(others("Qu'il est dur de dire non…")).toEqual([]);
    expect(others("Il est temps de dire non.")).toEqual([]);
    expect(others("Il ne faut pas avoir peur de demander.")).toEqual([]);
    expect(others("Il n'y a pas de question bête.")).toEqual([]);
    expect(others("Il était temps de changer.")).toEqual([]);
    expect(others("Il est parti hier, et il a gagné le prix.")).toHaveLength(1);
  });

  it("the road told is not a success told without it", () => {
    expect(rulesOf("Fière du chemin parcouru depuis mon premier poste.", "fr")).not.toContain(
      "success-without-struggle",
    );
    expect(rulesOf("Three years of hard work paid off: I got the job.")).not.toContain(
      "success-without-struggle",
    );
    expect(rulesOf("I got the job.")).toContain("success-without-struggle");
  });

  it("a negation denies the praise, within its clause only", () => {
    expect(ego("I'm not proud of how I handled that meeting.")).toEqual([]);
    expect(ego("Je ne suis pas fière de ce lancement.", "fr")).toEqual([]);
    expect(rulesOf("Je n'en reviens pas, j'ai été nommée directrice.", "fr")).toContain("bragging");
  });

  it("praise of others is not the author's own win", () => {
    expect(ego("So proud of my students this term.")).toEqual([]);
    // Someone else's pride is theirs (found by a review).
    expect(ego("My grandmother passed away. She was so proud to have raised six children.")).toEqual([]);
    expect(ego("Mon grand-père est décédé. Il était fier d'avoir formé dix apprentis.", "fr")).toEqual([]);
    expect(ego("So proud of Maria and the whole support team.")).toEqual([]);
    expect(ego("Tellement fière de mes élèves cette année.", "fr")).toEqual([]);
  });

  it("a colleague's news is theirs; a child's is the author's affiliation, as Jin et al. count it", () => {
    for (const text of ["My manager got promoted.", "My friend just ran her first marathon."]) {
      expect(ego(text), text).toEqual([]);
      expect(credit(text), text).toEqual([]);
    }
    expect(ego("Mon collègue a été promu.", "fr")).toEqual([]);
    expect(credit("Mon collègue a été promu.", "fr")).toEqual([]);
    expect(ego("My son got into Harvard!")).toContain("bragging");
    expect(credit("My manager got promoted, and I got her job.")).toHaveLength(1);
    // Her news until the author speaks (found by a review).
    expect(ego("My manager got promoted to VP and I'm so proud of her.")).toEqual([]);
    expect(credit("My manager got promoted to VP and I'm so proud of her.")).toEqual([]);
  });

  it("a wish, a condition, a quotation or a name is not a brag", () => {
    expect(ego("If I get promoted this year, I'll celebrate with the team.")).toEqual([]);
    // French "si" is "if" before a clause, and "so" before an adjective.
    expect(ego("Si je suis promue cette année, je fais la fête avec l'équipe.", "fr")).toEqual([]);
    expect(ego("Si ma candidature est acceptée, je vous invite tous.", "fr")).toEqual([]);
    expect(ego("Je suis si fière de ma promotion !", "fr")).not.toEqual([]);
    expect(ego("Si ce projet aboutit, je fais la fête avec l'équipe.", "fr")).toEqual([]);
    // "Même si" is "even though": the pride is told, not supposed.
    expect(
      ego("Même si j'étais nerveuse, je suis tellement fière d'avoir gagné le prix !", "fr"),
    ).not.toEqual([]);
    expect(ego("Même si je suis fière de ce résultat incroyable, je reste humble.", "fr")).not.toEqual([]);
    expect(ego("“I won the award,” she told the jury.")).toEqual([]);
  });

  it("a condition on the reader leaves the author's claim after it standing, unless it is an offer", () => {
    expect(ego("If you need an expert in cloud migrations, I'm the best consultant in Europe.")).toContain(
      "bragging",
    );
    expect(ego("Si vous cherchez une experte, je suis la meilleure consultante d'Europe.", "fr")).toContain(
      "bragging",
    );
    expect(ego("If you're in Paris next week, I would be thrilled to meet you.")).toEqual([]);
    expect(ego("If you are in Paris, I'd be so proud to show you our lab.")).toEqual([]);
    expect(ego("Si vous passez par Paris, je serais ravi de me joindre à vous.", "fr")).toEqual([]);
    // A condition on the author still governs the whole sentence.
    expect(ego("If I get the job, I'm the happiest person alive.")).toEqual([]);
  });

  it("idioms and figures of speech: 'do my best' is effort, 'pas peu fier' is pride", () => {
    expect(ego("For what it's worth, I tried my best.")).toEqual([]);
    expect(ego("Pas peu fier d'annoncer ma promotion au poste de directeur !", "fr")).not.toEqual([]);
    expect(ego("Pas peu fier d'annoncer que notre startup lève 10 millions.", "fr")).toContain(
      "self-congratulation",
    );
  });

  it("a French negation that says more, not less: 'pas à moitié', 'que j'aie jamais' (blind probe)", () => {
    const negation = (text: string) =>
      analyze(text, { lang: "fr" }).signals.find((s) => s.signal === "self-negation")?.value ?? 0;
    for (const text of [
      "Chez nous, on ne fait pas les choses à moitié.",
      "Je ne fais jamais rien à moitié.",
      "C'est le code le plus propre que j'aie jamais écrit.",
      "Le meilleur projet qu'on ait jamais livré.",
      "Je suis plus motivée que jamais.",
    ])
      expect(negation(text), text).toBe(0);
    for (const text of [
      "Je n'ai pas fait la migration.",
      "Je n'ai pas fini le projet, à moitié seulement.",
      "Je n'ai jamais écrit de code aussi propre.",
      "C'est un projet que je n'ai jamais livré.",
      "J'ai jamais vu ça.",
    ])
      expect(negation(text), text).toBeGreaterThan(0);
  });

  it("what the author is given is the author's: 'LinkedIn gave me the Top Voice badge'", () => {
    expect(ego("Wow, LinkedIn just gave me the Top Voice badge in Marketing!")).toContain("bragging");
    expect(ego("LinkedIn m'a décerné le badge Top Voice en marketing !", "fr")).toContain("bragging");
    expect(ego("My manager gave me the innovation award this morning.")).toContain("bragging");
    // Someone else's award, told to the author, is not the author's.
    expect(ego("She told me the award went to Sam.")).not.toContain("bragging");
  });

  it("a superlative about a technique is not about the author", () => {
    expect(ego("It's the fastest way I know to tell if a slow query needs an index.")).toEqual([]);
    expect(ego("C'est le moyen le plus rapide que je connaisse pour le savoir.", "fr")).toEqual([]);
    expect(ego("Je suis la plus rapide de l'équipe.", "fr")).not.toEqual([]);
  });

  it("pride in what the author made is the author's; pride in what others made is not", () => {
    expect(ego("Tellement fier de ce qu'on a construit.", "fr")).toContain("bragging");
    expect(ego("Je suis tellement fier de ce qu'ils ont fait cette saison.", "fr")).toEqual([]);
    expect(ego("I just voted at the Billboard Music Awards.")).toEqual([]);
  });

  it("still finds plain self-promotion in both languages (issue 9's missed brags)", () => {
    for (const [text, lang] of [
      ["Just finished my first marathon under 4 hours", "en"],
      ["My new car is a beast", "en"],
      ["Got into Stanford!!", "en"],
      ["Je viens de finir mon premier marathon en moins de 4 heures", "fr"],
      ["Ma nouvelle voiture est une bête", "fr"],
      ["J'ai été prise à Stanford !!", "fr"],
      ["Nous venons de signer le plus gros client de notre histoire.", "fr"],
      ["Je viens de terminer ma keynote à VivaTech. Standing ovation.", "fr"],
      ["Just wrapped my talk at the summit. Standing ovation.", "en"],
    ] as const) {
      expect(rulesOf(text, lang), text).toContain("bragging");
    }
  });
});
