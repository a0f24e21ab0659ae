import { hypothetical } from "../context.js";
import { findAll, type Lexicon, lexicon } from "../lexicon.js";
import { type Span, sentenceAt } from "../text.js";
import type { Lang } from "../types.js";
import { hitsOf, type Rule } from "./rule.js";

/**
 * Announcing one's own media appearances and speaking slots ("thanks for having me on CNBC"): the
 * news is that the author was there, not what was said.
 */
const OUTLETS =
  "(?:cnbc|bloomberg(?: tv| radio)?|fox business|fox news|bbc|cnn|msnbc|npr|yahoo finance|sky news|reuters|the today show|good morning america|squawk box|abc|nbc|cbs|pbs|siriusxm|forbes|ted ?x?\\w*)";
const OUTLETS_FR =
  "(?:bfm\\s?\\w*|france (?:inter|info|culture|2|3|24)|tf1|lci|rtl|europe 1|radio classique|les échos|le monde|le figaro|libération|franceinfo|arte|m6|cnews|ted ?x?\\w*)";

const MEDIA: Record<Lang, Lexicon> = {
  en: lexicon("en", [
    "thanks? (?:you )?(?:\\S+ ){0,6}for having me",
    "(?:great|good|fun|nice|wonderful|a pleasure|an honou?r|a privilege|delighted|pleased|happy|thrilled|excited|honou?red) to (?:talk|chat|speak|sit down|be on|be interviewed|appear|discuss)(?: with| on| at| about)?",
    "(?:great|good|fun|nice|wonderful|a pleasure|delighted|pleased|happy|thrilled|excited|honou?red) to (?:join|joining) (?:\\S+ ){0,4}(?:on|for) (?:the |their |a )?(?:show|podcast|panel|stage|air|program|programme|segment|broadcast)",
    "(?:i|we) (?:appeared on|was interviewed|were interviewed|was featured|were featured|was quoted|were quoted|spoke at)",
    // Talking with someone is everyday work ("we talked to 40 customers"): an appearance only on air.
    "(?:i|we) (?:spoke|talked|chatted|sat down|was|were) (?:with |to |on )?(?:\\S+ ){0,5}(?:on|for|at) (?:the |their |a |his |her |our )?(?:show|podcast|panel|stage|air|radio|tv|program|programme|segment|broadcast|livestream)",
    "(?:my|this morning'?s?|today'?s?|the) (?:interview|conversation|segment|appearance|chat|panel|fireside chat) (?:with|on)",
    "(?:my|the) latest (?:episode|segment|interview|appearance|column) (?:on|with|for)",
    "(?:i'?ll|i will|i'?m|i am) (?:be )?(?:speaking|presenting|on (?:a )?(?:panel|stage)|giving (?:a|the) (?:talk|keynote))",
    "(?:looking forward to|excited to be|honou?red to be|proud to be) (?:speaking|presenting|joining|on (?:a )?panel|delivering)",
    "(?:gave|giving|delivered|delivering) (?:a|the|my) (?:talk|keynote|speech|presentation|lecture|opening keynote)",
    "as a (?:keynote )?speaker",
    `on ${OUTLETS}`,
    // "Had a blast joining the team at Bloomberg TV": a visit to a studio, not a job there.
    `(?:joining|joined|visiting|visited|chatting with|talking with|speaking with) (?:\\S+ ){0,3}(?:at|on|with) ${OUTLETS}`,
    `${OUTLETS} (?:interview|segment|appearance)`,
  ]),
  fr: lexicon("fr", [
    "merci (?:\\S+ ){0,6}(?:de m'avoir (?:invitée?|reçue?|accueillie?)|pour l'invitation)",
    "(?:ravie?|heureuse?|heureux|fière?|honorée?) d'(?:avoir été |être )(?:invitée?|l'invitée?|interviewée?|reçue?)",
    "(?:j'étais|j'ai été) (?:l'invitée? de|invitée? (?:sur|à|par|de)|interviewée?|sur le plateau|au micro)",
    "(?:mon|mon dernier|ma dernière) (?:interview|intervention|passage|entretien|échange) (?:sur|avec|à|dans|chez)",
    "(?:j'interviendrai|j'intervenais|j'ai animé|j'anime|je parlerai|je serai (?:sur scène|en direct|l'invitée?|au micro|à la tribune))",
    "(?:au micro de|sur le plateau de)",
    "(?:donné|donnerai|ai donné) (?:une|la|ma) (?:conférence|keynote|intervention|présentation)",
    `(?:sur|à|dans) ${OUTLETS_FR}`,
    `(?:rejoint|rejoindre|retrouvé|retrouver) (?:\\S+ ){0,3}(?:de|chez|sur) ${OUTLETS_FR}`,
  ]),
};

export const mediaAppearance: Rule = {
  id: "media-appearance",
  dimension: "audience",
  kind: "concern",
  severity: "info",
  priority: 11,
  texts: {
    en: {
      default: {
        message: "A media or speaking appearance: the news is that you were there.",
        suggestion: "Bring the one idea from that conversation into the post, so readers get it too.",
        question:
          "You mention {q}. What is the one idea from it that a reader should keep, even without watching or listening?",
      },
    },
    fr: {
      default: {
        message: "Une intervention dans les médias ou sur scène : la nouvelle, c'est que vous y étiez.",
        suggestion:
          "Apportez dans le post l'idée principale de cet échange, pour que le lecteur l'ait aussi.",
        question:
          "Vous évoquez {q}. Quelle idée de cet échange un lecteur devrait-il retenir, même sans l'avoir vu ni entendu ?",
      },
    },
  },
  run(ctx) {
    // One appearance per sentence: "Thanks for having me on CNBC" is one, not two.
    const hits: Span[] = [];
    for (const m of findAll(MEDIA[ctx.lang], ctx)) {
      if (hypothetical(ctx, m.start)) continue;
      const last = hits[hits.length - 1];
      if (last && sentenceAt(ctx, last.start) === sentenceAt(ctx, m.start))
        last.end = Math.max(last.end, m.end);
      else hits.push({ start: m.start, end: m.end });
    }
    return hitsOf(hits);
  },
};
