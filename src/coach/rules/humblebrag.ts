import { authorSubjectBefore, CLAUSE_BREAK, discounted, firstWordFrom, insideQuotation } from "../context.js";
import { features } from "../features.js";
import { findAll, findGroups, groupedLexicon, type Lexicon, lexicon } from "../lexicon.js";
import { type RuleContext, type Span, sentenceAt } from "../text.js";
import type { Lang } from "../types.js";
import { PERSON } from "../words.js";
import type { Hit, Rule } from "./rule.js";

/**
 * Humblebrags (Sezer, Gino & Norton 2018): a success wrapped in a complaint or in false modesty.
 * Readers like them less than plain bragging, complaint-based ones least of all.
 */
const HUMILITY: Record<Lang, readonly string[]> = {
  en: [
    "humbled",
    "humbling",
    "honou?red",
    "blessed",
    "(?:i )?(?:don'?t|do not) know (?:why|how) (?:they|i|anyone|people)",
    "can'?t believe (?:they|i|that i|people)",
    "who would have thought",
    "never thought i'?d",
    "never (?:expected|saw) (?:this|that|it)(?: coming)?",
    "not sure (?:why|how) i",
    "little old me",
    "somehow (?:i|managed|got)",
    "no idea how i",
    "lucky me",
    "i guess i'?m",
    "still pinching myself",
    // Modesty announced before the news: "I hate talking about myself, but…", "Not to brag, but…".
    "(?:i )?(?:hate|don'?t like|never like) (?:talking|bragging|posting) about (?:myself|me)",
    "(?:i )?(?:don'?t|do not|rarely) (?:usually )?(?:post|share|talk) about (?:myself|these things|this kind of thing|this)",
    // A success asked about as if it were a problem: "Is it weird that I got three offers?"
    "is it (?:weird|bad|wrong|strange|odd|normal|just me) (?:that|if|when) (?:i|we)",
  ],
  fr: [
    "humblement",
    "en toute humilité",
    "(?:très |tellement |si )?honorée?",
    "je ne sais pas (?:pourquoi|comment) (?:ils|on|j'ai)",
    "qui l'eût cru",
    "jamais je n'aurais (?:cru|pensé)",
    "je n'en reviens (?:toujours )?pas",
    "moi qui",
    "je ne m'y attendais pas",
    "je me pince encore",
    "je (?:déteste|n'aime pas) (?:parler de moi|me mettre en avant|me vanter)",
    "(?:je ne suis pas|pas) du genre à (?:me vanter|me mettre en avant|frimer)",
    "(?:c'est|est-ce) (?:bizarre|grave|normal|mal) (?:que|si) (?:je|j'\\w+|nous|on)",
  ],
};

const COMPLAINT: Record<Lang, readonly string[]> = {
  en: [
    "(?:so |really )?tired of",
    "sick of",
    "exhausted",
    "exhausting",
    "ugh+",
    "annoying",
    "hate (?:it )?when",
    "why (?:do|does|am|must) (?:i|people|everyone) (?:always|keep)",
    "(?:the )?struggle is real",
    "first world problems?",
    "can'?t even",
    "so hard (?:being|to be)",
    "worst part (?:of|about) being",
    "jet ?lag(?:ged)?",
    "my feet hurt",
    "nobody warns you",
    "problems? (?:of|with) being",
    "(?:so|too) busy",
  ],
  fr: [
    "(?:ras le bol|marre) de",
    "fatiguée? de",
    "épuisée?",
    "épuisant",
    "pénible",
    "agaçant",
    "(?:galère|dur|difficile) d'être",
    "pourquoi (?:est-ce que )?(?:je|on) (?:dois|doit) toujours",
    "le problème quand on est",
    "décalage horaire",
    "(?:débordée?|surbookée?)",
    "je n'en peux plus",
  ],
};

/**
 * A brag announced as one ("not to brag, but…", "sans vouloir me vanter…"): whatever the sentence
 * goes on to say is the news, whether or not the coach knows its words.
 */
const ANNOUNCED: Record<Lang, readonly string[]> = {
  en: [
    "not (?:one |trying |going |gonna |here )?to (?:brag|boast|flex|show off)",
    "(?:i )?(?:don'?t|do not) (?:mean|want|like) to (?:brag|boast|flex|show off)",
    // Not "a little brag for my friend Sam": someone else's news.
    "(?:small|little|quick|humble) brag(?! (?:for|about|on behalf))",
    "brag alert(?! (?:for|about|on behalf))",
  ],
  fr: [
    "sans (?:vouloir )?(?:me vanter|fanfaronner|frimer|me la péter|me la raconter)",
    "(?:pas|non) pour me (?:vanter|la péter|la raconter)",
    "je (?:ne )?veux pas me (?:vanter|la péter)",
    "(?:petite |mini )?(?:séquence|minute|instant) (?:vantardise|frime)",
  ],
};

// "I had to politely decline": how the author said no.
const MANNER = "politely|respectfully|reluctantly|gracefully|regretfully|kindly|firmly|happily|quietly";
// Not "I was turned down by Google": a refusal the author met is no offer turned down.
const REFUSED =
  "(?:turn(?:ed)? down|turning down|decline[ds]?|declining|refuse[ds]?(?! to)|reject(?:ed|ing)?|said no to|say no to|saying no to|passed on)(?! by)";

/**
 * What the author turned down, told as a lesson in saying no: "I had to decline three keynote
 * invitations", "I turned down Google. Twice.", "j'ai dû refuser un contrat d'édition".
 */
const REFUSAL: Record<Lang, readonly string[]> = {
  en: [
    // Not "I refused to use Google Docs": refusing to do something is no offer turned down. Each
    // entry opens on a word, so that the lexicon's index runs it only where that word is.
    `(?:had|have|has|chose|decided) to (?:(?:${MANNER}) )?(?:turn down|decline|refuse(?! to)|reject|say no to|pass on)`,
    "(?:keep|kept) (?:turning down|declining|refusing(?! to)|rejecting|saying no to|passing on)",
    `(?:${MANNER}) ${REFUSED}`,
    REFUSED,
  ],
  fr: [
    "(?:dû |du |choisi de |décidé de )?(?:refuser|refusée?s?|décliner|décliné|rejetée?s?|dire non à|dit non à)(?! d'| de | par )",
  ],
};

// One scan for every kind of marker; the status scan runs only when a marker is there.
const MARKERS: Record<Lang, Lexicon> = {
  en: groupedLexicon("en", {
    announced: ANNOUNCED.en,
    complaint: COMPLAINT.en,
    humility: HUMILITY.en,
    refusal: REFUSAL.en,
  }),
  fr: groupedLexicon("fr", {
    announced: ANNOUNCED.fr,
    complaint: COMPLAINT.fr,
    humility: HUMILITY.fr,
    refusal: REFUSAL.fr,
  }),
};

// "I said no to Google Analytics": a product, not an employer.
const NOT_A_PRODUCT =
  "(?! (?:docs|analytics|maps|cloud|sheets|slides|ads|drive|chrome|search|workspace|calendar|meet|photos|play|fonts|forms|office|teams|excel|word|outlook|aws|prime|music|tv|pay|ai|glass|home|watch|vision|threads|messenger))";

// Employers and schools whose offer is news in itself, in either language.
const PRESTIGE = `(?:google|meta|facebook|apple|amazon|microsoft|netflix|openai|mckinsey|goldman sachs|harvard|stanford|oxford|polytechnique|hec|y combinator)${NOT_A_PRODUCT}`;

/** Offers only the sought-after get, and names whose offer is news in itself. */
const SOUGHT_AFTER: Record<Lang, Lexicon> = {
  en: lexicon("en", [
    // Counted offers ("three offers"), countless invitations: a meeting invitation or three
    // feature requests declined are no news.
    "(?:\\d+|two|three|four|five|six|several|many|multiple|dozens of|so many) (?:\\w+ )?offers",
    "(?:dozens of|so many|countless|hundreds of) (?:\\w+ )?invitations",
    "(?:keynote|speaking|conference|panel|podcast|tv) invitations?",
    "(?:acquisition|buyout|book) offers?",
    "keynotes?",
    "board seats?",
    "book deals?",
    PRESTIGE,
  ]),
  fr: lexicon("fr", [
    "(?:\\d+|deux|trois|quatre|cinq|six|plusieurs|des dizaines d'|tant d') ?(?:\\w+ )?(?:offres|propositions)",
    "(?:des dizaines d'|tant d'|d'innombrables |des centaines d')(?:invitations|sollicitations)",
    "invitations? (?:à|a|pour) (?:des |une |un )?(?:conférences?|keynotes?|tables rondes?|émissions?|podcasts?)",
    "(?:offres?|propositions?) de rachat",
    "keynotes?",
    "postes? d'administrat(?:eur|rice)",
    "contrats? d'édition",
    PRESTIGE,
  ]),
};

// Status that a complaint can smuggle in ("so tired of all these award dinners").
const STATUS: Record<Lang, Lexicon> = {
  en: lexicon("en", [
    "awards?(?: (?:dinners?|ceremon(?:y|ies)|shows?))?",
    "first class",
    "business class",
    "vip",
    "fans",
    "followers",
    "recruiters?",
    "job offers?",
    "offers",
    "interviews",
    "invitations",
    "speaking (?:gigs|engagements|invitations)",
    "book tour",
    "red carpet",
    "too (?:many|much) (?:\\w+ )?(?:offers|invitations|requests|messages|attention|compliments|emails|clients)",
    "keep (?:asking|getting|calling|inviting|recognizing) me",
    "everyone (?:wants|asks|keeps)",
    "mistaken? (?:me )?for (?:a |an )?(?:model|celebrity|student|teenager)",
    "(?:so |too )(?:famous|popular|successful|in demand)",
    "fan mail",
  ]),
  fr: lexicon("fr", [
    "prix",
    "soirées? de gala",
    "première classe",
    "classe affaires",
    "vip",
    "fans",
    "abonnés",
    "recruteurs",
    "offres(?: d'emploi)?",
    "interviews",
    "invitations",
    "conférences",
    "trop (?:de |d')(?:offres|invitations|sollicitations|demandes|messages|clients)",
    "tout le monde (?:veut|me demande)",
    "(?:trop|si) (?:célèbre|populaire|demandée?|sollicitée?)",
    "on me (?:demande|sollicite|reconnaît) (?:sans cesse|tout le temps|partout)",
  ]),
};

/**
 * A complaint and the status it shows off share a sentence; modesty may also come just before the
 * news ("I hate talking about myself… I was named one of the 50…").
 */
function wraps(ctx: RuleContext, marker: Span, modesty: boolean, news: Span): boolean {
  const m = sentenceAt(ctx, marker.start);
  const n = sentenceAt(ctx, news.start);
  if (!m || !n) return false;
  return n === m || (modesty && ctx.sentences[ctx.sentences.indexOf(m) + 1] === n);
}

/**
 * Whether what was sought after is what the author turned down: within two words of the refusal
 * ("turned down Google", "keep turning down recruiters from Meta"), not "declined the meeting
 * invite from Google".
 */
function objectOf(ctx: RuleContext, refusal: Span, sought: Span): boolean {
  return firstWordFrom(ctx.words, sought.start) - firstWordFrom(ctx.words, refusal.end) <= 2;
}

// What may come before the announcement in its clause: "but not to brag", "I mean, not to brag".
const BEFORE_ANNOUNCEMENT = new Set(
  "and but so ok okay well honestly lol i mean try trying et mais bon alors franchement bref".split(" "),
);
const TWO_WORDS_RE = /[\p{L}\p{N}]+[^\p{L}\p{N}]+[\p{L}\p{N}]/u;

/**
 * What a brag announced as one says: the rest of its sentence ("not to brag, but my handwriting is
 * basically a font"), what came before it ("J'ai fini premier, sans vouloir me vanter."), or the
 * next sentence ("Not to brag. I ran it in 2:59."). Only an announcement opening its clause, not
 * quoted ("I told him not to brag about it", "Every LinkedIn post: “Not to brag, but…”"), and news
 * about the author, told as such: not a question ("not trying to flex, just asking: is $60k
 * normal?"), a failure ("j'ai encore raté mon train") or someone else's ("that he's the best").
 */
function announcedNews(ctx: RuleContext, marker: Span): Span | undefined {
  const s = sentenceAt(ctx, marker.start);
  if (!s || insideQuotation(ctx, marker.start)) return undefined;
  const { words } = ctx;
  for (let i = firstWordFrom(words, marker.start) - 1; i >= 0 && words[i]!.start >= s.start; i--) {
    if (CLAUSE_BREAK.test(ctx.text.slice(words[i]!.end, words[i + 1]!.start))) break;
    if (!BEFORE_ANNOUNCEMENT.has(words[i]!.word)) return undefined;
  }
  const candidates: Span[] = [
    { start: marker.end, end: s.end },
    { start: s.start, end: marker.start },
  ];
  const next = ctx.sentences[ctx.sentences.indexOf(s) + 1];
  if (next) candidates.push(next);
  const news = candidates.find((c) => TWO_WORDS_RE.test(ctx.text.slice(c.start, c.end)));
  if (!news || sentenceAt(ctx, news.start)?.question) return undefined;
  const first = PERSON[ctx.lang].first;
  const author = words.find((t) => t.start >= news.start && t.end <= news.end && t.cls & first);
  return author && !discounted(ctx, author) ? news : undefined;
}

export const humblebrag: Rule = {
  id: "humblebrag",
  dimension: "authenticity",
  kind: "concern",
  severity: "warning",
  priority: 3,
  texts: {
    en: {
      default: {
        message: "Humblebrag: modesty wrapped around an achievement.",
        suggestion: "Readers see through false modesty; say it plainly and share what it cost you.",
        question:
          "{q} sounds modest but points at a success. How would you tell it plainly, with what it cost you?",
      },
      complaint: {
        message: "Humblebrag: a complaint that shows off. Readers like these least of all.",
        suggestion: "Tell the success or the difficulty plainly; mixed, readers hear only the brag.",
        question: "{q} pairs a complaint with a status. Would a reader hear the complaint, or the brag?",
      },
      refusal: {
        message: "Humblebrag: what you turned down shows how sought-after you are.",
        suggestion: "If saying no is the lesson, tell how you decide, so a reader can do the same.",
        question: "{q}: what would a reader take from it, beyond how sought-after you are?",
      },
    },
    fr: {
      default: {
        message: "Fausse modestie : de l'humilité autour d'une réussite.",
        suggestion:
          "Les lecteurs voient la fausse modestie ; dites-le simplement et partagez ce que ça vous a coûté.",
        question:
          "{q} se veut modeste mais met en avant une réussite. Comment la raconteriez-vous simplement, avec ce qu'elle vous a coûté ?",
      },
      complaint: {
        message: "Fausse plainte : une plainte qui met en valeur. Les lecteurs l'apprécient encore moins.",
        suggestion:
          "Racontez la réussite ou la difficulté franchement ; mélangées, on n'entend que la vantardise.",
        question: "{q} mêle plainte et statut. Le lecteur entendra-t-il la plainte, ou la vantardise ?",
      },
      refusal: {
        message: "Fausse modestie : ce que vous avez refusé montre surtout combien on vous sollicite.",
        suggestion:
          "Si la leçon est de savoir dire non, racontez comment vous choisissez, pour que le lecteur puisse le faire aussi.",
        question: "{q} : qu'en retirera le lecteur, au-delà du fait qu'on vous sollicite ?",
      },
    },
  },
  run(ctx) {
    const markers = findGroups(MARKERS[ctx.lang], ctx);
    if (markers.length === 0) return [];
    const achievements = [...features(ctx).brags, ...findAll(STATUS[ctx.lang], ctx)];
    const hits: Hit[] = [];
    for (const m of markers) {
      let a: Span | undefined;
      if (m.group === "announced") a = announcedNews(ctx, m);
      else if (m.group === "refusal") {
        // The author's own refusal ("they declined my invitation" is no brag), of what follows it.
        if (!authorSubjectBefore(ctx, m)) continue;
        a = findAll(SOUGHT_AFTER[ctx.lang], ctx).find((x) => x.start >= m.end && objectOf(ctx, m, x));
      } else {
        const complaint = m.group === "complaint";
        a = achievements.find((x) => wraps(ctx, m, !complaint, x) && (x.end <= m.start || x.start >= m.end));
      }
      if (!a) continue;
      const hit: Hit = {
        start: Math.min(m.start, a.start),
        end: Math.max(m.end, a.end),
        variant: m.group === "humility" || m.group === "announced" ? "default" : m.group,
      };
      // "honored and humbled to share that I've been named": one humblebrag, not one per marker.
      const last = hits[hits.length - 1];
      if (last && hit.start < last.end && hit.variant === last.variant) {
        last.start = Math.min(last.start, hit.start);
        last.end = Math.max(last.end, hit.end);
      } else hits.push(hit);
    }
    return hits;
  },
};
