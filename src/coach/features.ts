import { lexicon, matchAll, type RuleContext, type Span } from "./text.js";
import type { Lang } from "./types.js";

/**
 * Text features several rules share: pronoun counts and the spans of self-praise.
 * Computed once per draft and memoised on the context, so each rule stays a pure function of it.
 */
export interface Features {
  firstPerson: number;
  firstPersonPlural: number;
  secondPerson: number;
  secondPersonSpans: Span[];
  selfCongratulation: Span[];
  brags: BragSpan[];
}

export type BragType = "achievement" | "action" | "feeling" | "trait" | "possession" | "affiliation";
export interface BragSpan extends Span {
  type: BragType;
}

const FIRST_SINGULAR: Record<Lang, Set<string>> = {
  en: new Set(["i", "me", "my", "mine", "myself", "i'm", "i've", "i'll", "i'd", "im"]),
  fr: new Set(["je", "me", "moi", "mon", "ma", "mes", "moi-même"]),
};
const FIRST_PLURAL: Record<Lang, Set<string>> = {
  en: new Set(["we", "us", "our", "ours", "ourselves", "we're", "we've", "we'll"]),
  fr: new Set(["nous", "notre", "nos", "nous-mêmes"]),
};
const SECOND: Record<Lang, Set<string>> = {
  en: new Set([
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "you're",
    "you've",
    "you'll",
    "you'd",
    "y'all",
    "u",
  ]),
  fr: new Set(["vous", "votre", "vos", "tu", "te", "ton", "ta", "tes", "toi", "vous-même", "toi-même"]),
};
// French elisions: j'ai, m'a, t'aider.
const FR_FIRST_ELISION = /^[jm]'/;
const FR_SECOND_ELISION = /^t'/;

const SELF_CONGRATULATION: Record<Lang, RegExp> = {
  en: lexicon([
    "(?:so |very |incredibly |super |really |beyond |truly )?(?:thrilled|excited|proud|happy|pleased|delighted|honou?red|humbled|stoked|ecstatic|overjoyed|elated) (?:and (?:\\w+) )?(?:to|that i|that we|i) (?:finally )?(?:announce|share|say|join|be|have|receive|welcome|report|inform|present|introduce|accept|celebrate|reveal|start|begin|officially)",
    "(?:i'?m|i am|we'?re|we are|feeling) (?:so |very |incredibly |super |really |beyond |truly )?(?:proud|thrilled|humbled|honou?red|blessed|stoked)",
    "(?:so |very )?proud of (?:myself|me|my achievement|what i)",
    "it is with (?:great |immense )?(?:pleasure|pride|joy) that",
    "(?:big|huge|exciting|some personal|personal) news",
    "i did it",
    "pat (?:myself|ourselves) on the back",
    "(?:i'?m |i am )?happy to share",
  ]),
  fr: lexicon([
    "(?:(?:je suis |nous sommes )?(?:tellement |très |si |trop |vraiment )?)(?:fier|fière|fiers|fières|ravie?s?|heureux|heureuses?|honorée?s?|enchantée?s?|comblée?s?) (?:de |d')(?:vous )?(?:annoncer|partager|rejoindre|avoir|être|recevoir|accueillir|présenter|faire partie|intégrer|dire|officialiser)",
    "(?:j'ai|nous avons) (?:le plaisir|la joie|l'honneur|la fierté|l'immense plaisir|l'immense joie) de (?:vous )?(?:annoncer|partager|présenter|rejoindre)",
    "c'est avec (?:une grande |une immense |beaucoup de )?(?:fierté|joie|plaisir|émotion|bonheur) que",
    "(?:grande|belle|grosse) nouvelle",
    "(?:je suis |suis )?(?:tellement |très |si )?(?:fier|fière) de moi",
    "je l'ai fait",
  ]),
};

const BRAGS: Record<Lang, Record<BragType, RegExp>> = {
  en: {
    achievement: lexicon([
      "(?:got|get|been|was|were|be|being|am|is|'ve been|have been|has been) (?:officially |finally )?(?:promoted|accepted|admitted|hired|selected|named|chosen|nominated|awarded|recognized|recognised|featured|elected|certified|shortlisted|ranked|voted|appointed|invited to speak)",
      "(?:won|winning|win) (?:the |an? |my |our |first |1st )?(?:\\w+ )?(?:award|prize|competition|contest|championship|title|medal|hackathon|pitch|grant|scholarship|deal|gold|silver|bronze)",
      "(?:won|winner|finalist|runner-up|champions?)",
      "promotion",
      "awards?",
      "graduated",
      "got my (?:degree|phd|master'?s|mba|certification|license|black belt|first)",
      "passed (?:my|the) (?:\\w+ )?(?:exam|test|bar|certification|boards)",
      "aced",
      "nailed (?:it|the|my)",
      "crushed (?:it|the|my)",
      "top \\d+ ?%?",
      "#1|number one|no\\. 1",
      "(?:hit|reached|crossed|surpassed|passed) \\d[\\d,.]*k?\\+? (?:followers|subscribers|users|customers|views|downloads|members|connections|readers|sales|in revenue)",
      "\\d[\\d,.]*k? (?:followers|subscribers|views)",
      "(?:raised|closed) (?:a |our |my )?(?:\\$|€|£)?\\d[\\d,.]*(?:k|m|b| million| billion)?",
      "sold out",
      "best-?sell(?:er|ing)",
      "record(?:-breaking)? (?:year|quarter|month|sales|revenue|numbers)",
      "new record",
      "keynote",
      "milestone",
      "featured (?:in|on|by)",
      "named (?:to|as|one of|among)",
      "one of the (?:top|best|most)",
      "dean'?s list",
      "straight a'?s",
      "full scholarship",
      "first place",
      "personal best|\\bpr\\b",
      "accepted (?:into|to|at)",
      "landed (?:a|my|the|our) (?:new )?(?:job|role|client|deal|offer|contract|internship|position)",
      "offer from",
    ]),
    action: lexicon([
      "(?:i|we) (?:just |finally |officially )?(?:ran|finished|completed|spoke|delivered|gave|hosted|led|launched|published|shipped|built|founded|started|closed|signed|sold|beat|smashed|broke|achieved|accomplished|reached|organized|organised|wrote|released|killed it)",
      "just (?:ran|finished|completed|spoke at|delivered|gave|hosted|launched|published|shipped|built|founded|closed|signed|sold|beat|smashed|broke|achieved|accomplished|reached|got back from)",
      "finally (?:finished|completed|did|made|got|reached|launched|published|achieved)",
    ]),
    feeling: lexicon([
      "(?:so |very |really |incredibly |super )?(?:proud|thrilled|ecstatic|overjoyed|stoked|elated) (?:of|about|that|to)",
      "proud (?:mom|mum|dad|parent|moment)",
      "(?:feeling|feel) (?:so )?(?:accomplished|unstoppable|proud|blessed|on top of the world)",
      "(?:so |truly )blessed",
    ]),
    trait: lexicon([
      "(?:i'?m|i am) (?:so |really |very |just |naturally |pretty )?(?:good|great|amazing|awesome|talented|smart|brilliant|gifted|skilled|the best|the only one) (?:at|with|in)",
      "(?:i'?m|i am) (?:an? |the )?(?:natural|expert|genius|visionary|rock ?star|ninja|guru|top performer|legend|thought leader|authority)",
      "(?:i'?m|i am) (?:the )?(?:best|greatest|smartest|fastest|youngest|first)",
      "(?:people|everyone|they) (?:always |often )?(?:tell|tells|told) me (?:i'?m|i am|how)",
      "(?:my|our) (?:world-class|best-in-class|unmatched|unparalleled|exceptional|outstanding) ",
    ]),
    possession: lexicon([
      "my (?:brand )?new (?:car|house|home|office|watch|rolex|iphone|phone|tesla|bmw|porsche|mercedes|laptop|macbook|boat|apartment|condo|villa|penthouse|ride|wheels|corner office)",
      "(?:bought|got|treated myself to) (?:a|my|myself a|myself an) (?:brand )?new",
      "just bought",
      "first class|business class|private jet|vip",
    ]),
    affiliation: lexicon([
      "(?:i'?ve |i have |i |we'?ve |we have )?(?:just )?(?:joined|joining)(?! (?:us|me|the call|the meeting|the conversation))",
      "(?:started|starting|begin|beginning|accepted) (?:a |my )?new (?:position|role|job|chapter|adventure)",
      "new (?:position|role) as",
      "my (?:son|daughter|kid|wife|husband|team|company|startup|boss) (?:just )?(?:won|got|was|made|is (?:now|the))",
      "(?:my|our) (?:ceo|team) (?:at|from) ",
    ]),
  },
  fr: {
    achievement: lexicon([
      "(?:j'ai (?:été )?|je suis |a été |été |avoir été |suis )(?:officiellement |enfin )?(?:promue?|admise?|acceptée?|recrutée?|sélectionnée?|nommée?|récompensée?|élue?|certifiée?|diplômée?|classée?|primée?|distinguée?|invitée? à (?:parler|intervenir))",
      "(?:j'ai|nous avons|on a) (?:enfin )?(?:gagné|remporté|obtenu|décroché|réussi|atteint|dépassé|battu|signé|levé|validé)",
      "(?:prix|trophée|lauréate?|finaliste|médaille|championne?)",
      "promotion",
      "diplôme|diplômée?",
      "premier prix|première place|1ère place|1re place",
      "top \\d+ ?%?",
      "n°1|numéro 1|numéro un",
      "\\d[\\d  ,.]*k? (?:abonnés|followers|vues|clients|utilisateurs|membres|lecteurs)",
      "(?:levé|levée de fonds de|levé des fonds)",
      "record",
      "keynote|conférencière?|conférence d'ouverture",
      "à la une",
      "meilleure? (?:vente|année|trimestre)",
      "cap des \\d",
    ]),
    action: lexicon([
      "(?:j'ai|nous avons|on a) (?:enfin |finalement |officiellement )?(?:couru|fini|terminé|bouclé|lancé|publié|livré|fondé|créé|organisé|animé|signé|vendu|écrit|sorti)",
      "je viens de (?:courir|finir|terminer|boucler|lancer|publier|livrer|fonder|créer|signer|vendre|donner|animer)",
    ]),
    feeling: lexicon([
      "(?:tellement |très |si |trop |vraiment )?(?:fier|fière|fiers|fières|ravie?s?|comblée?s?) (?:de|d'|que)",
      "(?:maman|papa|parent) (?:fière?|comblée?)",
      "je me sens (?:invincible|au sommet|comblée?|fière?)",
    ]),
    trait: lexicon([
      "je suis (?:le|la) (?:meilleure?|plus jeune|premier|première|seule?)",
      "je suis (?:un|une) (?:expert|experte|génie|visionnaire|leader|référence|pionnier|pionnière|autorité)",
      "je suis (?:très |tellement |vraiment |plutôt )?(?:doué|douée|bon|bonne|excellente?|talentueuse?) (?:en|à|pour|dans)",
      "(?:on|les gens|tout le monde) me (?:dit|disent|répète) (?:souvent |toujours )?(?:que je suis|à quel point)",
    ]),
    possession: lexicon([
      "(?:mon|ma) (?:nouvelle?|nouvel) (?:voiture|maison|appartement|montre|rolex|iphone|bureau|bateau|villa|tesla)",
      "mon nouveau (?:bureau|téléphone|iphone|appartement|ordinateur|macbook)",
      "j'ai (?:enfin )?(?:acheté|acquis|craqué pour|offert une?)",
      "première classe|classe affaires|jet privé|vip",
    ]),
    affiliation: lexicon([
      "(?:je )?rejoins",
      "(?:j'ai |avoir )?rejoint",
      "rejoindre (?:l'équipe|la team|les équipes)",
      "(?:nouveau poste|nouvelle aventure|nouveau chapitre|nouvelles fonctions)",
      "(?:mon fils|ma fille|mon équipe|ma boîte|ma startup|mon entreprise) (?:vient de |a )(?:gagner|gagné|remporté|décroché|obtenu|réussi)",
    ]),
  },
};

export const BRAG_TYPES: readonly BragType[] = [
  "achievement",
  "action",
  "feeling",
  "trait",
  "possession",
  "affiliation",
];

const cache = new WeakMap<RuleContext, Features>();

export function features(ctx: RuleContext): Features {
  let f = cache.get(ctx);
  if (!f) {
    f = computeFeatures(ctx);
    cache.set(ctx, f);
  }
  return f;
}

function overlaps(a: Span, spans: readonly Span[]): boolean {
  for (const s of spans) if (a.start < s.end && s.start < a.end) return true;
  return false;
}

function computeFeatures(ctx: RuleContext): Features {
  const { lang, words, lower } = ctx;
  const first = FIRST_SINGULAR[lang];
  const plural = FIRST_PLURAL[lang];
  const second = SECOND[lang];
  const selfCongratulation = matchAll(SELF_CONGRATULATION[lang], lower);
  let firstPerson = 0;
  let firstPersonPlural = 0;
  const secondPersonSpans: Span[] = [];
  for (const t of words) {
    const w = t.word;
    if (first.has(w) || (lang === "fr" && FR_FIRST_ELISION.test(w))) firstPerson++;
    else if (plural.has(w)) firstPersonPlural++;
    else if (second.has(w) || (lang === "fr" && FR_SECOND_ELISION.test(w))) {
      // "ravi de vous annoncer" addresses the reader only to announce oneself.
      if (!overlaps(t, selfCongratulation)) secondPersonSpans.push({ start: t.start, end: t.end });
    }
  }
  const brags: BragSpan[] = [];
  const table = BRAGS[lang];
  for (const type of BRAG_TYPES) {
    for (const span of matchAll(table[type], lower)) {
      // Hashtags are judged by their own rule.
      if (overlaps(span, selfCongratulation) || overlaps(span, brags) || overlaps(span, ctx.hashtags))
        continue;
      brags.push({ ...span, type });
    }
  }
  brags.sort((a, b) => a.start - b.start);
  return {
    brags: brags.filter((b) => aboutTheAuthor(ctx, b, first, plural)),
    firstPerson,
    firstPersonPlural,
    secondPerson: secondPersonSpans.length,
    secondPersonSpans,
    selfCongratulation,
  };
}

// A brag is about the author when its sentence speaks in the first person, or when it opens the
// sentence with the subject dropped, as posts often do ("Just got promoted!").
function aboutTheAuthor(ctx: RuleContext, span: Span, first: Set<string>, plural: Set<string>): boolean {
  const sentence = ctx.sentences.find((s) => span.start >= s.start && span.start < s.end);
  if (!sentence) return false;
  if (span.start - sentence.start <= 12) return true;
  for (const t of ctx.words) {
    if (t.start < sentence.start) continue;
    if (t.start >= sentence.end) break;
    if (first.has(t.word) || plural.has(t.word) || (ctx.lang === "fr" && FR_FIRST_ELISION.test(t.word)))
      return true;
  }
  return false;
}
