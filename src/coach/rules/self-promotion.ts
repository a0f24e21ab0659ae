import { hypothetical, insideQuotation } from "../context.js";
import { findGroups, groupedLexicon, type Lexicon } from "../lexicon.js";
import { memo, memoized, type RuleContext, sentenceAt } from "../text.js";
import type { Lang } from "../types.js";
import type { Hit, Rule } from "./rule.js";

/**
 * Selling one's own book, course, podcast, webinar or event, as LinkedIn self-promotion mostly does
 * (docs/labelling-rubric.md): the post points at what the author sells instead of carrying the idea.
 */
// What one sells (a book, a course, a webinar) is one's own with "my"; other work (a video, an
// article, a product) only when presented as new: "our app crashed" sells nothing.
const SOLD =
  "(?:book|books|e-?books?|novel|podcast|vlog|youtube channel|course|courses|masterclass|master class|webinar|webinars|workshop|bootcamp|newsletter|membership|roundtable|meetup|office hours|giveaway|ted ?x? talk)";
// What one has, not sells, under the same name: "my book club", "my newsletter inbox", "my course
// was cancelled", "mon livre de chevet".
const NOT_SOLD =
  "(?! (?:club|clubs|shelf|shelves|list|inbox|feed|queue|app|subscriptions|recommendations|report|load|mates|(?:was|is|got|has been|had been) (?:cancel+ed|called off)))";
const NOT_SOLD_FR = "(?! (?:de chevet|du moment|préférée?s?|(?:a été|est|ont été|sont) annulée?s?))";
const NEWLY = "(?:brand[- ]new|new|latest|next|upcoming|free|forthcoming|recent)";
const WORK =
  "(?:video|videos|episode|channel|article|column|op-ed|paper|report|guide|white ?paper|program(?:me)?|app|product|event|summit|conference|show|series|session|live ?stream|livestream|blog(?: post)?|post|talk|keynote|training|panel|forum)";
const SOLD_FR =
  "(?:livre|livres|e-?book|roman|podcast|chaîne youtube|formation|formations|cours|masterclass|webinaire|webinar|atelier|newsletter|lettre d'information|abonnement|table ronde|meetup)";
const NEWLY_FR =
  "(?:tout nouveau|nouveau|nouvel|nouvelle|nouveaux|nouvelles|dernier|dernière|prochain|prochaine)";
const WORK_FR =
  "(?:vidéo|vidéos|épisode|chaîne|article|chronique|tribune|rapport|guide|livre blanc|programme|application|appli|produit|événement|évènement|conférence|émission|série|session|live|blog|billet|post)";

/**
 * A teaser points at the author's own piece instead of saying its idea: a short post, or a post
 * that is little more than a link. "Here are my thoughts on remote work: async beats meetings,
 * but only with written decisions" carries the idea itself.
 */
const TEASER_MAX_WORDS = 15;
const TEASER_WITH_LINK_MAX_WORDS = 40;

const LEXICONS: Record<Lang, Record<string, readonly string[]>> = {
  en: {
    own: [
      `(?:my|our)(?: own| ${NEWLY}){0,3}(?: \\d+[- ](?:week|day|month|hour|part|module|step)s?| online| live)? ${SOLD}${NOT_SOLD}`,
      `(?:my|our) ${NEWLY}(?: ${NEWLY}){0,2} ${WORK}`,
      "(?:i|we) (?:just )?(?:wrote|published|launched|released|recorded|put together) (?:a|an|my|our) (?:new |short |little |free )?(?:book|e-?book|guide|course|video|podcast|episode|article|report|series|program)",
      "(?:i'?m|i am|we'?re|we are) (?:offering|launching|hosting|running|teaching) (?:a|an|my|our|the|this|free|\\d)",
      "(?:i|we) (?:will|'ll) (?:show you|teach you|be hosting|be teaching|be live)",
      "joins? me (?:for|on|to)",
    ],
    teaser: [
      "my (?:thoughts|take|two cents) on",
      "(?:here are|here's) (?:some |a few |my )?(?:thoughts|tips|ideas|takeaways) (?:on|about|from)",
      "(?:a|this|my) (?:little |short |new )?(?:blog post|post|piece|video|article|thread|episode) (?:from|by) me",
      "in (?:my|our) (?:latest|new|recent|next) (?:post|article|video|episode|book|newsletter|podcast|blog|column|piece)",
      "(?:check out|read|watch|listen to) (?:my|our) (?:latest|new|recent)",
    ],
    action: [
      // Not a story: "people who left stable jobs to join me", "she decided to join us".
      "(?<!(?:jobs|careers|roles|decided|agreed|chose|came|moved|relocated|left|quit) to )(?:join|joining) (?:me|us)(?! in [a-z]+ing)",
      "consider (?:enrolling|registering|signing up|subscribing)",
      "(?:enrolling|registering|signing up|subscribing) (?:for|to|in) (?:my|our|this)",
      "come (?:see|hear|join|and see|and join|to (?:our|my))",
      "(?:have you|did you) (?:downloaded|registered|signed up|subscribed|grabbed|ordered|pre-?ordered) (?:your|our|my|the)",
      "free (?:e-?book|guide|webinar|masterclass|download|trial|consultation|training|roundtable|session|workshop|class)",
      "tune in (?:to|at|tomorrow|today|tonight|live|now|on|for)",
      "(?:register|sign up|signup|enrol|enroll|subscribe|rsvp) (?:now|today|here|for free|below|at|for (?:the|our|my|this|free))",
      "registration (?:is )?(?:open|link)",
      "(?:pre-?order|order|buy|grab|get|download|claim) (?:it |yours |your (?:free )?copy|your (?:free )?(?:e-?book|guide|ticket|spot|seat)|now|here|today)",
      "(?:order|pre-?order) here",
      "available (?:now )?(?:on|at) amazon",
      "link in (?:the )?(?:first )?comments?",
      "(?:link|details|more) (?:in|at) (?:the )?(?:bio|first comment)",
      "(?:a )?(?:few|limited) (?:spots|seats|places) (?:left|available)",
      "only (?:\\d+|a few|a handful of) (?:spots|seats|places|tickets)(?: (?:left|remaining|available))?",
      "early[- ]bird (?:pricing|price|prices|tickets?|discount|offer|rate)",
      // An offer to sell, not to help: "contact me for my rates", "contactez-moi pour mes tarifs".
      "(?:contact|email|e-mail|call|write to) (?:me|us) (?:for|about) (?:my|our) (?:rates|pricing|prices|quote|services|packages|offers?)",
      "(?:enter|click) (?:here )?to win",
      "book (?:a|your) (?:free )?(?:call|consultation|demo|discovery call|strategy call|slot)",
      "don'?t miss (?:it|out|this)",
      "save (?:the|your) (?:date|spot|seat)",
      "(?:watch|listen to|check out) (?:the full|my|our) (?:episode|interview|video|conversation|talk|podcast)",
    ],
    // Asking for a private message: a call to act unless it offers help (see offersHelp).
    dm: [
      "(?:dm|pm|message) me",
      "send me an? (?:dm|pm|message|direct message|private message)",
      "(?:write to|contact) me (?:in|by|via) (?:dm|pm|private|a dm)",
      "my (?:dms?|inbox) (?:is|are) (?:wide )?open",
    ],
  },
  fr: {
    own: [
      `(?:mon|ma|mes|notre|nos)(?: propre| ${NEWLY_FR}){0,3} ${SOLD_FR}${NOT_SOLD_FR}`,
      `(?:mon|ma|mes|notre|nos) ${NEWLY_FR}(?: ${NEWLY_FR}){0,2} ${WORK_FR}`,
      "(?:j'ai|nous avons) (?:écrit|publié|lancé|sorti|enregistré|préparé|conçu) (?:un|une|mon|ma|notre) (?:nouveau |nouvelle |petit |petite |court |courte )?(?:livre|e-?book|guide|formation|vidéo|podcast|épisode|article|rapport|série|programme)",
      "(?:je|nous) (?:lance|lançons|propose|proposons|anime|animons|organise|organisons) (?:un|une|mon|ma|mes|notre|nos|ce|cette|gratuitement)",
      "(?:je vous|nous vous) (?:montrerai|montrerons|apprendrai|présenterai|présenterons)",
      "(?:me rejoint|me rejoindra) (?:pour|sur|dans)",
    ],
    teaser: [
      "(?:mes réflexions|mon avis|mon regard) sur",
      "(?:voici|voilà) (?:quelques |mes )?(?:réflexions|conseils|idées|enseignements) (?:sur|à propos)",
      "(?:un|une|mon|ce) (?:petit |petite |court |nouvel |nouveau )?(?:article|billet|post|épisode|vidéo|fil) (?:de ma part|signé moi)",
      "dans (?:mon|ma|notre) (?:dernier|dernière|nouveau|nouvelle|prochain|prochaine)",
    ],
    action: [
      "(?:rejoignez|rejoins|retrouvez|retrouve)[- ](?:moi|nous)",
      "venez (?:découvrir|écouter|voir|nous rejoindre|me voir|assister)",
      "(?:avez-vous|vous avez) (?:téléchargé|réservé|commandé|précommandé) (?:votre|notre|mon|le|la)",
      "(?:e-?book|guide|webinaire|atelier|masterclass|formation|essai|table ronde|session) gratuite?s?",
      "(?:inscrivez|inscris|abonnez|abonne)[- ](?:vous|toi)",
      "inscriptions? (?:ouvertes?|ici|en commentaire|gratuite)",
      "(?:réservez|réserve|prenez|prends) (?:un|votre|ton) (?:appel|créneau|rendez-vous|rdv)",
      "(?:précommandez|commandez|téléchargez|réservez|procurez-vous) (?:le|la|votre|ton|ta|dès|ici|maintenant|gratuitement)",
      "disponible (?:dès maintenant |maintenant )?(?:sur|chez) amazon",
      "lien en (?:premier )?commentaire",
      "lien dans (?:le premier commentaire|les commentaires|ma bio)",
      "(?:plus que|encore) (?:\\d+|quelques) places",
      "places limitées",
      "(?:écrivez-moi|contactez-moi|écrivez-nous|contactez-nous|appelez-moi) pour (?:mes|nos) (?:tarifs|prix|devis|services|offres?|forfaits)",
      "ne (?:le |la )?manquez pas",
      "(?:regardez|écoutez|découvrez|lisez) (?:mon|ma|notre|l'épisode|l'interview) (?:dernier|dernière|nouveau|nouvelle|complet|complète|intégral)?",
    ],
    dm: [
      "(?:envoyez|envoie)-moi un (?:message|mp|dm)",
      "(?:écrivez|écris|contactez|contacte)-moi en (?:mp|dm|privé)",
      "(?:mon|mes) (?:dm|mp)s? (?:est|sont) (?:grands? )?ouverts?",
    ],
  },
};

const PROMOTION: Record<Lang, Lexicon> = {
  en: groupedLexicon("en", LEXICONS.en),
  fr: groupedLexicon("fr", LEXICONS.fr),
};

const HITS = memo<Hit[]>();

export const selfPromotion: Rule = {
  id: "self-promotion",
  dimension: "audience",
  kind: "concern",
  severity: "warning",
  priority: 9,
  byVariant: ["action"],
  texts: {
    en: {
      default: {
        message: "Self-promotion: the post points at what you offer more than it gives the reader.",
        suggestion:
          "Give the reader the idea itself, right in the post; those who want more will find your work.",
        question: "{q}: what will a reader who never buys, joins or clicks still take away from this post?",
      },
      action: {
        message: "A call to action: the post asks readers to do something for you.",
        suggestion: "Earn the click: put something useful in the post before asking for anything.",
        question: "You ask readers to act ({q}). What do they get right here, before they click?",
      },
    },
    fr: {
      default: {
        message: "Autopromotion : le post montre ce que vous proposez plus qu'il n'apporte au lecteur.",
        suggestion:
          "Donnez l'idée elle-même dans le post ; ceux qui en veulent plus trouveront votre travail.",
        question:
          "{q} : que retiendra de ce post un lecteur qui n'achète, ne s'inscrit et ne clique jamais ?",
      },
      action: {
        message: "Un appel à l'action : le post demande au lecteur de faire quelque chose pour vous.",
        suggestion: "Méritez le clic : mettez quelque chose d'utile dans le post avant de demander.",
        question: "Vous demandez au lecteur d'agir ({q}). Qu'obtient-il ici même, avant de cliquer ?",
      },
    },
  },
  // Also asked by specifics (a number in a sales pitch is no detail): found once per draft.
  run: (ctx) => memoized(ctx, HITS, promotions),
};

function promotions(ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  const words = ctx.words.length;
  const teaserPost =
    words <= TEASER_MAX_WORDS || (ctx.urls.length > 0 && words <= TEASER_WITH_LINK_MAX_WORDS);
  for (const m of findGroups(PROMOTION[ctx.lang], ctx)) {
    // A question weighs a possibility; quoted words are a title or someone else's, not a sale.
    if (hypothetical(ctx, m.start) || insideQuotation(ctx, m.start)) continue;
    if (m.group === "teaser" && !teaserPost) continue;
    if (m.group === "dm" && (offersHelp(ctx, m.start) || askedNot(ctx, m.start))) continue;
    hits.push(
      m.group === "action" || m.group === "dm"
        ? { start: m.start, end: m.end, variant: "action" }
        : { start: m.start, end: m.end },
    );
  }
  return hits;
}

// "DM me if you get stuck", "envoie-moi un MP si tu bloques, je t'aide": the author offers help, the
// reader asks for it; nothing is done for the author.
const HELP_OFFER_RE =
  /\bif (?:you|anyone|someone)(?: get stuck| gets stuck|(?: are|'re| is) stuck| need (?:help|a hand|anything)| needs (?:help|a hand)| (?:have|has) (?:any )?questions?| hits? a wall| runs? into (?:trouble|issues|problems))|\b(?:happy|glad) to help\b|\bi(?:'ll| will| can) help\b|\bsi (?:tu bloques|vous bloquez|besoin|tu as besoin|vous avez besoin|(?:tu as|vous avez) (?:des |une )?questions?|ça coince)|\bje (?:t'|vous )aide(?:rai)?\b|\bje peux (?:t'|vous )aider\b|\bavec plaisir\b/;

// "Please don't DM me": asking for no message asks for nothing ("don't hesitate, DM me for my rates"
// still asks).
const DONT_RE = /\b(?:don'?t|do not|never|no need to)\s+(?:(?:ever|even|just)\s+)?$/;

function askedNot(ctx: RuleContext, at: number): boolean {
  return DONT_RE.test(ctx.lower.slice(Math.max(0, at - 24), at)) && !SALE_CUE_RE.test(ctx.lower);
}

// "If none of these work for you, DM me and we'll figure something out", "si aucune option ne vous
// convient, … on trouvera une solution": sorting out together what the post itself asks.
const SORTED_TOGETHER_RE =
  /\b(?:if|si)\b.*(?:\bwe(?:'ll| will) (?:figure|sort|work) (?:it|something|this|that) out\b|\bwe(?:'ll| will) find (?:a way|something|a solution)\b|\bon (?:trouvera|va trouver) (?:une solution|un moyen|quelque chose)\b)/;

// Help that is sold: rates, prices, amounts, places left, a call to book. "DM me if you need help
// with your website. Rates start at $500." offers a service, not a hand.
const SALE_CUE_RE =
  /\b(?:rates?|pricing|prices?|fees?|quotes?|packages?|discount|book (?:a|your) (?:call|session|slot)|(?:spots?|slots?|seats?|places?) (?:left|available|remaining)|tarifs?|prix|devis|forfaits?|honoraires|réservez (?:un|votre) (?:appel|créneau))\b|[$€£]\s?\d|\d\s?(?:[$€£]|eur\b|euros?\b|dollars?\b|k€)|\b(?:il (?:me|nous) reste|plus que|encore) (?:\d+|quelques|une?|deux|trois) (?:places?|créneaux)\b|\b(?:grow|double|triple|boost|scale|10x) (?:your|you'?re) (?:revenue|leads|sales|business|pipeline|income|audience)\b|\b(?:strategy|discovery|sales|intro) call\b|\bbooster (?:vos|tes|ton|votre) (?:ventes|business|chiffre|revenus|leads)\b|\bappel (?:découverte|stratégique)\b/u;

function offersHelp(ctx: RuleContext, at: number): boolean {
  const sentence = sentenceAt(ctx, at);
  const text = ctx.lower.slice(sentence?.start ?? 0, sentence?.end ?? ctx.lower.length);
  return (HELP_OFFER_RE.test(text) || SORTED_TOGETHER_RE.test(text)) && !SALE_CUE_RE.test(ctx.lower);
}
