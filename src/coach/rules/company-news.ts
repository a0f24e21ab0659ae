import { hypothetical, lossOfAuthor } from "../context.js";
import { findAll, type Lexicon, lexicon } from "../lexicon.js";
import type { Lang } from "../types.js";
import { hitsOf, type Rule } from "./rule.js";

/**
 * A company's own PR: launches, milestones, partnerships and funding announced by its people. The
 * reader learns that the company did well, rarely what it means for them.
 */
const COMPANY: Record<Lang, Lexicon> = {
  en: lexicon("en", [
    "(?:we|we'?re|we are|our team is|our company is|the team is) (?:so |very |really |incredibly |super )?(?:proud|excited|thrilled|pleased|delighted|happy|honou?red) (?:to (?:announce|share|launch|introduce|unveil|support|welcome|partner|be (?:working|partnering|supporting|named|recognized|recognised|selected|featured))|that (?:we|our))",
    "(?:we'?ve|we have|we) (?:just |officially |finally )?(?:launched|raised|closed (?:our|a)|acquired|partnered|opened (?:our|a)|expanded|signed|hit|crossed|surpassed|reached|won|been (?:named|recognized|recognised|selected|ranked))",
    "(?:welcome|welcoming) (?:to (?:the|our) (?:team|family))",
    "(?:announcing|introducing) (?:our|the new|my)",
    "(?:our|my) (?:company|firm|startup|start-up|agency|team|brand|organi[sz]ation|foundation|group|studio)(?:'s)? (?:has|is|just|was|won|launched|raised|turned|celebrates|celebrating|grew|hit|reached)",
    "(?:great|wonderful|fantastic|proud|exciting|amazing) to see (?:our|the) (?:team|company|group|brand)",
    "(?:series [a-d]|seed round|funding round)",
    "(?:our|the company'?s?) (?:\\d+(?:st|nd|rd|th)|tenth|first) (?:birthday|anniversary)",
  ]),
  fr: lexicon("fr", [
    "(?:nous sommes|l'équipe est|notre équipe est) (?:très |tellement |si )?(?:fiers|fières|ravis|ravies|heureux|heureuses|enchantés|honorés) (?:de (?:vous )?(?:annoncer|présenter|lancer|accueillir|soutenir|rejoindre|compter)|d'(?:annoncer|accueillir|avoir été))",
    "(?:nous avons|on a) (?:enfin |officiellement )?(?:lancé|levé|bouclé|acquis|ouvert|signé|remporté|franchi|dépassé|atteint|été (?:nommée?s|sélectionnée?s|récompensée?s|classée?s|élue?s))",
    // "On vient de lever 25 M€", not "de lever la séance".
    "(?:nous venons|on vient) de (?:lancer|boucler|signer|remporter|franchir|dépasser|atteindre|lever(?= (?:\\d|des fonds)))",
    // A recruiting pitch that ranks the company: "rejoignez la scale-up la plus hype de la French Tech".
    "(?:rejoignez|rejoins)(?:-nous)? (?:la |le |l'|notre )(?:[\\wéèêàç-]+ ){0,2}?(?:(?:la |le )?plus [\\wéèêàç-]+|meilleure?s?)",
    "bienvenue (?:à|dans) (?:notre|l')(?:équipe|famille)",
    "(?:nous accueillons|je vous présente notre|nous vous présentons)",
    "(?:notre|mon) (?:entreprise|société|start-?up|agence|cabinet|équipe|marque|fondation|groupe|studio) (?:a|est|vient de|fête|célèbre|franchit|atteint|remporte)",
    "levée de fonds|tour de table|série [a-d]",
    "(?:notre|nos) (?:\\d+e?|premier|dixième) (?:anniversaire|bougie|bougies)",
  ]),
};

export const companyNews: Rule = {
  id: "company-news",
  dimension: "audience",
  kind: "concern",
  severity: "info",
  priority: 13,
  texts: {
    en: {
      default: {
        message: "Company news: the post tells that your organisation did well.",
        suggestion: "Say what changes for the reader: a customer, a candidate, a peer in your field.",
        question: "{q}: that's news for your company. What does it change for the person reading it?",
      },
    },
    fr: {
      default: {
        message: "Une nouvelle d'entreprise : le post dit que votre organisation va bien.",
        suggestion: "Dites ce qui change pour le lecteur : un client, un candidat, un pair de votre métier.",
        question:
          "{q} : c'est une nouvelle pour votre entreprise. Qu'est-ce qu'elle change pour la personne qui la lit ?",
      },
    },
  },
  // A farewell after a layoff ("we launched the mobile app together") announces nothing.
  run: (ctx) =>
    lossOfAuthor(ctx)
      ? []
      : hitsOf(findAll(COMPANY[ctx.lang], ctx).filter((m) => !hypothetical(ctx, m.start))),
};
