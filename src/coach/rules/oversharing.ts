import { aboutSelf } from "../features.js";
import { findGroups, groupedLexicon, type Lexicon } from "../lexicon.js";
import { emailSpans, phoneNumbers } from "../pii.js";
import { insideAny } from "../text.js";
import type { Lang } from "../types.js";
import type { Hit, Rule } from "./rule.js";

// The most intimate topics people disclose (Ma, Hancock & Naaman, CHI 2016): health, money trouble,
// family conflict. Sharing them is a choice; the coach only asks whether this audience needs them.
const INTIMATE_LEXICONS: Record<Lang, Record<string, readonly string[]>> = {
  en: {
    health: [
      "diagnos(?:is|ed)",
      "cancer",
      "chemo(?:therapy)?",
      "depression",
      "depressed",
      "therap(?:y|ist)",
      "antidepressants?",
      "miscarriage",
      "pregnan(?:t|cy)",
      "ivf",
      "surgery",
      "hospitali[sz]ed",
      "panic attacks?",
      "mental breakdown",
      "medication",
    ],
    money: [
      "(?:in|my|our) debt",
      // A person's bankruptcy, not a company's ("my first startup went bankrupt").
      "personal bankruptcy|(?:i'?m|i am|i was|i went|i filed for|i declared) (?:bankrupt|bankruptcy)",
      "can'?t (?:afford|pay) (?:the |my )?(?:rent|bills|mortgage)",
      "overdraft",
      "evicted|eviction",
      "my salary",
      "broke and",
      "maxed out",
    ],
    family: [
      "divorc(?:e|ed|ing)",
      "custody",
      "my ex(?:-wife|-husband)?",
      "(?:fight|fighting|argument) with my (?:wife|husband|partner|mother|father|mom|dad|parents|sister|brother)",
      "cheated on",
      "estranged",
    ],
  },
  fr: {
    health: [
      "diagnostic",
      "diagnostiquée?",
      "cancer",
      "chimio(?:thérapie)?",
      "dépression",
      "déprimée?",
      "thérapie",
      "psy",
      "antidépresseurs?",
      "fausse couche",
      "enceinte",
      "grossesse",
      "fiv",
      "opérée?",
      "hospitalisée?",
      "crises? d'angoisse",
      "traitement",
    ],
    money: [
      // Not "ma dette technique".
      "dettes?(?! techniques?)",
      "endettée?",
      "faillite personnelle|(?:je suis|j'étais|je me suis retrouvée?) en faillite|surendettée?",
      "loyer impayé",
      "découvert",
      "mon salaire",
      "expulsée?",
      "fin de mois difficile",
    ],
    family: [
      "divorce|divorcée?",
      "garde des enfants",
      "mon ex|mon ex-mari|mon ex-femme",
      "dispute avec (?:ma|mon|mes)",
      "trompée?",
      "brouillée?",
    ],
  },
};

const INTIMATE: Record<Lang, Lexicon> = {
  en: groupedLexicon("en", INTIMATE_LEXICONS.en),
  fr: groupedLexicon("fr", INTIMATE_LEXICONS.fr),
};

export const oversharing: Rule = {
  id: "oversharing",
  dimension: "vulnerability",
  kind: "concern",
  severity: "warning",
  priority: 1,
  texts: {
    en: {
      default: {
        message: "Personal detail: this may be more than this audience needs.",
        suggestion: "Be vulnerable, but don't overshare: keep what helps the reader relate.",
        question: "You mention {q}. Is this the level of detail you want to share with this audience?",
      },
      email: {
        message: "Contact detail: an email address is visible to everyone who sees the post.",
        suggestion: "Share contact details privately, or through a link people can choose to follow.",
        question: "Your draft shows {q}. Do you want everyone who sees this post to have it?",
      },
      phone: {
        message: "Contact detail: a phone number is visible to everyone who sees the post.",
        suggestion: "Share contact details privately, or through a link people can choose to follow.",
        question: "Your draft shows {q}. Do you want everyone who sees this post to have it?",
      },
    },
    fr: {
      default: {
        message: "Détail personnel : c'est peut-être plus que ce dont ce public a besoin.",
        suggestion: "Soyez vulnérable, sans trop en dire : gardez ce qui aide le lecteur à se reconnaître.",
        question: "Vous évoquez {q}. Est-ce le niveau de détail que vous voulez partager avec ce public ?",
      },
      email: {
        message: "Coordonnées : une adresse e-mail est visible de tous ceux qui voient le post.",
        suggestion: "Partagez vos coordonnées en privé, ou par un lien que chacun choisit de suivre.",
        question: "Votre brouillon affiche {q}. Voulez-vous que tous ceux qui voient ce post l'aient ?",
      },
      phone: {
        message: "Coordonnées : un numéro de téléphone est visible de tous ceux qui voient le post.",
        suggestion: "Partagez vos coordonnées en privé, ou par un lien que chacun choisit de suivre.",
        question: "Votre brouillon affiche {q}. Voulez-vous que tous ceux qui voient ce post l'aient ?",
      },
    },
  },
  run(ctx) {
    const hits: Hit[] = [];
    for (const { start, end } of emailSpans(ctx.text)) hits.push({ start, end, variant: "email" });
    for (const { start, end } of phoneNumbers(ctx)) hits.push({ start, end, variant: "phone" });
    // Only the author's own intimate details ("my divorce", not a post about divorce law); one
    // finding per topic is enough to ask the question.
    const topics = new Set<string>();
    for (const m of findGroups(INTIMATE[ctx.lang], ctx)) {
      if (topics.has(m.group) || insideAny(m, ctx.hashtags) || !aboutSelf(ctx, m)) continue;
      topics.add(m.group);
      hits.push({ start: m.start, end: m.end });
    }
    return hits.sort((a, b) => a.start - b.start);
  },
};
