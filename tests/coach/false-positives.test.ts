import { describe, expect, it } from "vitest";
import { analyze } from "../../src/coach/index.js";

// Ordinary posts a reviewer found flagged as self-promotion: each stays unflagged.
const ACCUSING = [
  "bragging",
  "self-celebration",
  "self-congratulation",
  "prism-of-me",
  "self-promotion",
  "media-appearance",
  "company-news",
  "success-without-struggle",
  "hashtags",
];
const accusations = (text: string) =>
  analyze(text)
    .findings.filter((f) => ACCUSING.includes(f.rule))
    .map((f) => `${f.rule}: ${f.excerpt}`);

describe("ordinary posts are not read as self-promotion", () => {
  it.each([
    "Here are a few tips on writing postmortems: keep them blameless, write them within 48 hours, and end with three actions.",
    "Voici quelques conseils sur les post-mortems : restez sans reproche, écrivez-les sous 48 heures et terminez par trois actions.",
    "Here are my thoughts on remote work after five years of it: async beats meetings, but only with written decisions.",
    "When it comes to the hiring process, most teams ask the wrong questions.",
    "Model tuning in production is harder than it looks.",
    "We're running out of disk space on prod again.",
    "In my new role I learned that saying no is part of the job.",
    "Our app crashed for three hours yesterday. Here is the postmortem.",
    "Je propose qu'on arrête les réunions du lundi matin.",
    "Notre produit a planté hier pendant trois heures. Voici le post-mortem.",
    "Don't forget to register your domain before it expires.",
    "Or, j'ai compris une chose : personne ne lit les specs.",
    "J'ai comparé les prix de trois hébergeurs : OVH reste le moins cher.",
    "Je suis ingénieur en génie logiciel depuis dix ans.",
    "Mon propriétaire a encore augmenté le loyer.",
    "I finally switched our CSS to #flexbox and the layout bugs are gone.",
    "I was nervous before my talk, so I rehearsed it five times.",
    "Thank you to our community for all the bug reports this month.",
    "I joined a webinar yesterday about accessibility and took notes for you.",
    "Maria got promoted to director!",
    "Congrats to my colleague Sam on getting promoted!",
    "My son was diagnosed with leukemia last month.",
    "My team got laid off today.",
    "I spent the weekend in the hospital with my son.",
    "So proud of our engineers for shipping this on time.",
    "Tellement fière de nos équipes pour cette livraison.",
    "Three things I learned from my first on-call shift.",
    "Trois choses que j'ai apprises lors de ma première astreinte.",
    "Mon premier lancement produit : un bide total.",
    "My first product launch was a disaster.",
    // Found by a black-box probe of the CLI.
    "Last month I shipped a migration that took our app down for three hours. I skipped the dry run because I was sure it was fine.",
    "J'ai livré une migration qui a fait tomber la prod pendant trois heures.",
    "J'ai livré une migration qui a fait tomber notre paiement pendant 40 minutes. Deux choses que je ferais autrement.",
    "We talked to 40 customers before writing code. Talk to yours.",
    // Verbs of a win telling a mishap, found by a blind probe.
    "I ran the numbers.",
    "I ran out of time.",
    "I crushed my phone screen this morning.",
    "We smashed a window by accident.",
    "J'ai levé la main pour dire que je n'avais pas compris.",
    "Je kiffe trop ce café.",
    "J'ai assuré ma voiture chez un nouvel assureur.",
    "J'ai cartonné la voiture de location.",
    // A company closed is a failure told, not a success (found by a probe of full posts).
    "I shut down my startup last month. Three years, two pivots. We built something twelve customers loved and nobody else needed.",
    "J'ai fermé ma startup le mois dernier. Nous avons construit quelque chose que douze clients adoraient et dont personne d'autre n'avait besoin.",
    "The hardest part was telling the four people who'd left stable jobs to join me.",
    // Things of one's own that are not for sale.
    "My book club meets Friday.",
    "My course was cancelled, so I'm free Friday.",
    "My newsletter inbox is out of control.",
    "Mon livre de chevet en ce moment : Sapiens.",
    'My favourite finance book this year: I picked "I Will Teach You to Be Rich" for the team.',
  ])("%s", (text) => {
    expect(accusations(text)).toEqual([]);
  });
});

describe("context that does not deny the praise", () => {
  it.each([
    ["I could not be happier: I just won the national design award!", "bragging"],
    ["I would like to announce that I got promoted to director.", "bragging"],
    ["Si fière : j'ai été promue directrice !", "bragging"],
    ["I won gold at state, zero mistakes!", "bragging"],
    ["Proved everyone wrong: I got promoted to director.", "bragging"],
    ["Lost 20 pounds since January!", "bragging"],
    ["My new book is out, link in comments, what do you think?", "self-promotion"],
    ["Avez-vous téléchargé mon nouvel e-book ?", "self-promotion"],
    ["Top Voice again this year. Thank you LinkedIn!", "bragging"],
    ["Thanks to @CNBC for having me this morning.", "media-appearance"],
    ["I just ran my first 10k", "bragging"],
    ["J'ai levé 2 millions d'euros.", "bragging"],
    ["Crushed it today", "bragging"],
    ["J'ai tout déchiré", "bragging"],
    ["We built a tool that teams love.", "bragging"],
    ["Join me at the summit next week!", "self-promotion"],
    ["Très humblement : je fais partie du classement des 100 jeunes leaders de l'année.", "humblebrag"],
    // Counter-cases from a review of the fixes above: what looks like a loss, a mishap or a
    // failure but is a win.
    ["I was fired up after our offsite: we shipped 3 features in 2 days and the team loved it.", "bragging"],
    ["I was sick of waiting for approvals, so I built a tool that automates them.", "bragging"],
    ["Petite virée à Lisbonne avec mon équipe : on a signé notre plus gros client !", "bragging"],
    ["We closed the business year with record revenue, best quarter ever!", "bragging"],
    ["Our launch went so well we ran out of tickets in 2 hours!", "bragging"],
    ["On a cartonné ce trimestre : +40 % !", "bragging"],
    ["J'ai tout déchiré ce soir sur scène.", "bragging"],
    ["On a défoncé les objectifs du trimestre !", "bragging"],
    ["Je kiffe trop ma nouvelle vie.", "bragging"],
    ["We smashed the glass ceiling this year.", "bragging"],
  ])("%s", (text, rule) => {
    expect(analyze(text).findings.map((f) => f.rule)).toContain(rule);
  });
});

describe("stories of failure and praise of a team, in both languages", () => {
  it.each([
    "Last year I launched a product nobody wanted. I spent eight months building features before talking to a single customer.",
    "L'an dernier, j'ai lancé un produit dont personne ne voulait. J'ai passé huit mois à développer des fonctionnalités.",
    "Notre startup vient de boucler sa série A. Fiers de l'équipe !",
  ])("%s", (text) => {
    expect(analyze(text).findings.filter((f) => f.rule === "bragging")).toEqual([]);
  });
  it("quotes a time whole: 'in 3:58', not 'in 3'", () => {
    expect(analyze("Just finished my first marathon in 3:58. Legs are dead.").questions.join(" ")).toContain(
      "marathon in 3:58",
    );
  });
});
