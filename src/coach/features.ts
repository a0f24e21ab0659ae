import { findAll, findGroups, groupedLexicon, type Lexicon, lexicon } from "./lexicon.js";
import { type RuleContext, type Sentence, type Span, sentenceAt } from "./text.js";
import type { Lang } from "./types.js";
import { PERSON } from "./words.js";

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
  celebration: CelebrationSpan[];
}

/** A word of achievement or status used about oneself ("gold", "promoted", "top-rated"). */
export interface CelebrationSpan extends Span {
  strong: boolean;
}

export type BragType = "achievement" | "action" | "feeling" | "trait" | "possession" | "affiliation";
export interface BragSpan extends Span {
  type: BragType;
}

const SELF_CONGRATULATION: Record<Lang, Lexicon> = {
  en: lexicon("en", [
    "(?:so |very |incredibly |super |really |beyond |truly )?(?:thrilled|excited|proud|happy|pleased|delighted|honou?red|humbled|stoked|ecstatic|overjoyed|elated) (?:and (?:\\w+) )?(?:to|that i|that we|i) (?:finally )?(?:announce|share|say|join|be|have|receive|welcome|report|inform|present|introduce|accept|celebrate|reveal|start|begin|officially)",
    "(?:i'?m|i am|we'?re|we are|feeling) (?:so |very |incredibly |super |really |beyond |truly )?(?:proud|thrilled|excited|happy|pleased|delighted|humbled|honou?red|blessed|stoked)(?: (?:to|that i|that we) (?:finally )?(?:announce|share|say|join|be|have|receive|welcome|report|present|introduce|accept|celebrate|reveal|start))?",
    "(?:so |very )?proud of (?:myself|me|my achievement|what i)",
    "it is with (?:great |immense )?(?:pleasure|pride|joy) that",
    "(?:big|huge|exciting|some personal|personal) news",
    "i did it",
    "pat (?:myself|ourselves) on the back",
    "(?:i'?m |i am )?happy to share",
  ]),
  fr: lexicon("fr", [
    "(?:(?:je suis |nous sommes )?(?:tellement |très |si |trop |vraiment )?)(?:fier|fière|fiers|fières|ravie?s?|heureux|heureuses?|honorée?s?|enchantée?s?|comblée?s?) (?:de |d')(?:vous )?(?:annoncer|partager|rejoindre|avoir|être|recevoir|accueillir|présenter|faire partie|intégrer|dire|officialiser)",
    "(?:j'ai|nous avons) (?:le plaisir|la joie|l'honneur|la fierté|l'immense plaisir|l'immense joie) de (?:vous )?(?:annoncer|partager|présenter|rejoindre)",
    "c'est avec (?:une grande |une immense |beaucoup de )?(?:fierté|joie|plaisir|émotion|bonheur) que",
    "(?:grande|belle|grosse) nouvelle",
    "(?:je suis |suis )?(?:tellement |très |si )?(?:fier|fière) de moi",
    "je l'ai fait",
  ]),
};

const BRAG_LEXICONS: Record<Lang, Record<BragType, readonly string[]>> = {
  en: {
    achievement: [
      "(?:got|get|been|was|were|be|being|am|is) (?:officially |finally )?(?:promoted|accepted|admitted|hired|selected|named|chosen|nominated|awarded|recognized|recognised|featured|elected|certified|shortlisted|ranked|voted|appointed|invited to speak)",
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
      "number one|no\\. 1",
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
      "personal best|pr",
      "accepted (?:into|to|at)",
      "landed (?:a|my|the|our) (?:new )?(?:job|role|client|deal|offer|contract|internship|position)",
      "offer from",
      "(?:got|get|getting) a (?:raise|bonus|promotion)",
      "got (?:an? )?a\\+? (?:on|in|for)",
      "got the (?:job|offer|part|role|promotion|contract|gig|grant|deal)",
      "got (?:accepted|admitted|in)(?: to| into)?",
      "got into (?:\\w+ )?(?:college|university|school|harvard|yale|stanford|oxford|cambridge|mit|med school|law school|grad school|y combinator|yc|the program)",
      "(?:received|won|earned|awarded) (?:a|an|the|my) (?:\\w+ )?(?:scholarship|award|offer|grant|fellowship|promotion|bonus|raise|medal|certificate|prize)",
      "scholarship|fellowship",
      "\\d+ (?:job )?offers",
      "signed (?:with|a deal|a contract|my first|our first)",
      "on (?:the )?(?:local |national |evening )?(?:news|tv|radio|cover of)",
      "(?:gave|delivered|giving) (?:a|the|my) (?:talk|keynote|speech|presentation|lecture) (?:at|to)",
      "spoke at|speaking at|presenting at",
      "\\d+[- ]star (?:reviews?|ratings?)",
      "\\d[\\d,.]*k?\\+? (?:plays|streams|downloads|likes|sales|signups|sign-ups|stars|listeners|students|attendees)",
      "lost \\d+ (?:pounds|lbs|kg|kilos)",
      "(?:bench(?:ed)?(?: pressed)?|squatted|deadlifted|lifted) \\d+",
      "(?:biggest|best|largest|highest|fastest|longest) (?:\\w+ ){0,2}(?:ever|yet|of my (?:life|career))",
      "upgraded to",
      "(?:built|launched|shipped|made|created|published|released|wrote|sold) (?:my|our) (?:very )?(?:first|own|debut)",
      "debut (?:novel|album|book|single|film|ep)",
      "made (?:the )?(?:team|varsity|cut|finals|list)",
      "(?:made|named|chose|picked|selected|hired|nominated|invited|asked|wanted|wanting|begged|recruited|approached|poached) me (?:to|as|for|on|captain|lead|partner|head|their|the)",
      "(?:made|make) it (?:onto|into|to) (?:the )?(?:\\w+ )?(?:list|finals|top|team)",
      "\\d+ under \\d+",
      "(?:six|seven|eight|nine)[- ]figure",
      "\\d+ ?% of (?:quota|target|goal|plan)",
      "(?:youngest|first|only) (?:\\w+ )?(?:partner|director|vp|ceo|founder|woman|person|one|member|engineer|manager|in (?:my|the) (?:family|company|team|class))",
      "(?:published|bestselling) author",
      "(?:advisory board|board of directors|keynote speaker)",
    ],
    action: [
      "(?:i|we) (?:just |finally |officially )?(?:ran|spoke|delivered|hosted|led|launched|published|shipped|built|founded|closed|signed|sold|beat|smashed|broke|achieved|accomplished|reached|organized|organised|released|killed it)",
      "(?:i |we )?(?:just |finally )?(?:finished|completed) (?:my|our|a|an) (?:first|\\d+|\\w+ marathon|marathon|half|degree|phd|thesis|certification|ironman|triathlon)",
      "just (?:ran|spoke at|delivered|hosted|launched|published|shipped|built|founded|closed|signed|sold|beat|smashed|broke|achieved|accomplished|reached|got back from)",
      "for the (?:first|\\d+(?:st|nd|rd|th)|second|third|fourth|fifth) time",
      "finally (?:finished|completed|did|made|got|reached|launched|published|achieved)",
    ],
    feeling: [
      "(?:so |very |really |incredibly |super )?(?:proud|thrilled|ecstatic|overjoyed|stoked|elated) (?:of|about|that|to)",
      "proud (?:mom|mum|dad|parent|moment)",
      "(?:feeling|feel|looking) (?:so |absolutely |truly )?(?:accomplished|unstoppable|proud|blessed|amazing|incredible|fantastic|on top of the world|like a (?:boss|champion|winner|million bucks))",
      "i love what i do",
      "and it shows",
      "(?:nailed|killed|crushed|smashed|aced) it",
      "(?:so |truly )blessed",
    ],
    trait: [
      "(?:i'?m|i am) (?:so |really |very |just |naturally |pretty )?(?:good|great|amazing|awesome|talented|smart|brilliant|gifted|skilled|the best|the only one) (?:at|with|in)",
      "(?:i'?m|i am) (?:an? |the )?(?:natural|expert|genius|visionary|rock ?star|ninja|guru|top performer|legend|thought leader|authority)",
      "(?:i'?m|i am) (?:honestly |literally |really |so |just |officially )*(?:the )?(?:best|greatest|smartest|fastest|youngest|first|better) (?:\\w+ )?(?:at|in|on|of|cook|player|driver|writer|dancer|singer|seller|salesperson|engineer|developer|manager|leader)?",
      "(?:everyone|everybody) says so",
      "some of us (?:just |really )?know how",
      "(?:when|because) (?:you'?re|you are|i'?m|i am) (?:this|that|so) (?:good|reliable|talented|smart|fast|efficient|organized|organised)",
      "looks? good on me",
      "(?:people|everyone|they) (?:always |often )?(?:tell|tells|told) me (?:i'?m|i am|how)",
      "(?:my|our) (?:world-class|best-in-class|unmatched|unparalleled|exceptional|outstanding) ",
    ],
    possession: [
      "(?:my )?(?:brand )?new (?:car|house|home|watch|rolex|iphone|phone|tesla|bmw|porsche|mercedes|laptop|macbook|boat|apartment|condo|villa|penthouse|ride|wheels|corner office|bike)",
      "(?:bought|buying|got|closed on) (?:my|a|our) (?:first |dream |new )?(?:house|home|car|apartment|condo|tesla|boat|villa|place)",
      "(?:bought|got|treated myself to) (?:a|my|myself a|myself an) (?:brand )?new",
      "just bought",
      "first class|business class|private jet|vip",
    ],
    affiliation: [
      "(?:i'?ve |i have |i |we'?ve |we have )?(?:just )?(?:joined|joining)(?! (?:us|me|the call|the meeting|the conversation))",
      "(?:started|starting|begin|beginning|accepted) (?:a |my )?new (?:position|role|job|chapter|adventure)",
      "new (?:position|role) as",
      "my (?:son|daughter|kid|wife|husband|team|company|startup|boss) (?:just )?(?:won|got|was|made|is (?:now|the))",
      "(?:my|our) (?:ceo|team) (?:at|from) ",
    ],
  },
  fr: {
    achievement: [
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
      "(?:j'ai |a )?(?:eu|obtenu|décroché) (?:mon|ma|le|la|un|une) (?:permis|bac|diplôme|master|doctorat|poste|job|cdi|bourse|concours|certification|augmentation|promotion)",
      "bourse d'études",
      "\\d+ offres",
      "(?:à la|passée? à la|au) (?:télé|radio|journal)",
      "(?:donné|présenté) (?:une|un|ma|mon) (?:conférence|talk|keynote) (?:à|chez|au)",
      "\\d+ étoiles",
      "(?:la|le) (?:meilleure?|plus grosse?|plus gros) (?:\\w+ ){0,2}(?:de ma (?:vie|carrière)|jamais)",
      "pour la (?:première|\\d+e|deuxième|troisième) fois",
      "on m'a (?:choisie?|nommée?|proposé|invitée?|demandé|sélectionnée?|confié)",
      "(?:classée?s?|sélectionnée?s?|retenue?s?) parmi",
      "(?:devant|pour) \\d[\\d  .]* (?:personnes|participants|spectateurs)",
      "(?:major|premier|première) de (?:ma|mon|la) (?:promo|promotion|classe)",
      "(?:mon|ma) (?:deuxième|troisième|second|seconde) (?:appartement|maison|voiture|entreprise|startup)",
    ],
    action: [
      "(?:j'ai|nous avons|on a) (?:enfin |finalement |officiellement )?(?:couru|fini|terminé|bouclé|lancé|publié|livré|fondé|créé|organisé|animé|signé|vendu|écrit|sorti)",
      "je viens de (?:courir|finir|terminer|boucler|lancer|publier|livrer|fonder|créer|signer|vendre|donner|animer)",
    ],
    feeling: [
      "(?:tellement |très |si |trop |vraiment )?(?:fier|fière|fiers|fières|ravie?s?|comblée?s?) (?:de|d'|que)",
      "(?:maman|papa|parent) (?:fière?|comblée?)",
      "je me sens (?:invincible|au sommet|comblée?|fière?|incroyable|au top)",
      "j'adore ce que je fais",
      "et ça se voit",
    ],
    trait: [
      "je suis (?:le|la) (?:meilleure?|plus jeune|premier|première|seule?)",
      "je suis (?:un|une) (?:expert|experte|génie|visionnaire|leader|référence|pionnier|pionnière|autorité)",
      "je suis (?:très |tellement |vraiment |plutôt )?(?:doué|douée|bon|bonne|excellente?|talentueuse?) (?:en|à|pour|dans)",
      "(?:on|les gens|tout le monde) me (?:dit|disent|répète) (?:souvent |toujours )?(?:que je suis|à quel point)",
    ],
    possession: [
      "(?:mon|ma) (?:nouvelle?|nouvel) (?:voiture|maison|appartement|montre|rolex|iphone|bureau|bateau|villa|tesla)",
      "mon nouveau (?:bureau|téléphone|iphone|appartement|ordinateur|macbook)",
      "j'ai (?:enfin )?(?:acheté|acquis|craqué pour|offert une?)",
      "première classe|classe affaires|jet privé|vip",
    ],
    affiliation: [
      "(?:je )?rejoins",
      "(?:j'ai |avoir )?rejoint",
      "rejoindre (?:l'équipe|la team|les équipes)",
      "(?:nouveau poste|nouvelle aventure|nouveau chapitre|nouvelles fonctions)",
      "(?:mon fils|ma fille|mon équipe|ma boîte|ma startup|mon entreprise) (?:vient de |a )(?:gagner|gagné|remporté|décroché|obtenu|réussi)",
    ],
  },
};

// Single words of achievement and status. Word-level signals generalise better than phrases: they
// catch "Took home gold at state" as well as "won the championship". Only counted in sentences
// about the author, and outside phrases other rules already judge.
const CELEBRATION: Record<Lang, Lexicon> = {
  en: groupedLexicon("en", {
    strong: [
      "gold",
      "medals?",
      "champions?(?:hip)?",
      "troph(?:y|ies)",
      "awards?",
      "awarded",
      "winners?",
      "won",
      "victor(?:y|ious)",
      "promoted",
      "promotion",
      "certified",
      "graduated",
      "scholarship",
      "homeowner",
      "percentile",
      "best-?sell(?:er|ing)",
      "top-rated",
      "finalist",
      "nominated",
      "yacht",
      "genius",
      "sold out",
      "tripled",
      "doubled",
      "quadrupled",
      "accepted",
      "prestigious",
      "acclaimed",
      "unbeaten",
      "undefeated",
      "captain",
      "keynote",
      "youngest",
      "highest",
      "michelin",
      "consécration",
    ],
    mild: [
      "top(?! of| \\d+ (?:tips|ways|things|lessons|mistakes|books))",
      "first(?! hand|-hand| step| of all| things| thing)",
      "best(?! practices?| regards| wishes| way to| of luck)",
      "celebrat(?:e|ing|ion)",
      "officially",
      "proud",
      "achiev(?:e|ed|ement)",
      "accomplish(?:ed|ment)",
      "success(?:ful)?",
      "goals?",
      "invit(?:e|ed|ation)",
      "featured",
      "luxury",
      "faster",
      "smarter",
      "bonus",
      "revenue",
      "booked",
      "milestone",
      "thrilled",
      "excited",
      "blessed",
      "over the moon",
      "life is good",
      "not bad",
      "cracked",
      "crushed",
      "nailed",
      "smashed",
      "aced",
      "became",
      "not (?:a )?bad",
      "biggest",
      "greatest",
      "fastest",
      "\\d+(?:st|nd|rd|th)",
      "elite",
      "exclusive",
      "vip",
    ],
  }),
  fr: groupedLexicon("fr", {
    strong: [
      "or",
      "médailles?",
      "championn?e?s?",
      "championnat",
      "trophées?",
      "prix",
      "lauréate?",
      "gagnée?",
      "victoire",
      "promue?",
      "promotion",
      "certifiée?",
      "diplômée?",
      "bourse",
      "propriétaire",
      "finaliste",
      "nominée?",
      "yacht",
      "génie",
      "complet",
      "triplé",
      "doublé",
      "admise?",
      "prestigieux|prestigieuse",
    ],
    mild: [
      "premier|première",
      "meilleure?s?",
      "records?",
      "célébr(?:er|ons|e)",
      "officiellement",
      "fière?s?",
      "ravie?s?",
      "réussie?|réussite",
      "succès",
      "objectifs?",
      "atteint",
      "invitée?|invitation",
      "luxe",
      "augmentation",
      "prime",
      "chiffre d'affaires",
      "étape",
      "incroyable",
      "génial",
      "pas mal",
      "devenue?",
      "les? plus (?:jeune|rapide|grande?|gros|haut|prometteuse?s?)",
      "félicitations du jury",
    ],
  }),
};

// Sentences that open on a verb with the subject dropped are about the author ("Took home gold").
const SUBJECT_DROP_OPENERS = new Set([
  "got",
  "won",
  "took",
  "hit",
  "made",
  "sold",
  "booked",
  "became",
  "received",
  "celebrating",
  "just",
  "finally",
  "officially",
  "another",
  "spent",
  "landed",
  "closed",
  "signed",
  "passed",
  "tripled",
  "doubled",
  "bought",
  "crushed",
  "nailed",
  "smashed",
  "aced",
  "earned",
  "reached",
  "finished",
  "completed",
  "launched",
  "built",
  "proud",
  "thrilled",
  "excited",
  "honored",
  "honoured",
  "humbled",
  "blessed",
  "grateful",
  "over",
  "guess",
  "qualified",
  "wrapped",
  "nothing",
  "invité",
  "invitée",
  "première",
  "premier",
  "encore",
  "pas",
  "enfin",
  "officiellement",
  "encore",
  "reçu",
  "obtenu",
  "gagné",
  "décroché",
  "fier",
  "fière",
  "ravi",
  "ravie",
]);

// One regex per language; group order is the type's precedence when two types could match.
const BRAGS: Record<Lang, Lexicon> = {
  en: groupedLexicon("en", BRAG_LEXICONS.en),
  fr: groupedLexicon("fr", BRAG_LEXICONS.fr),
};

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
  const { lang, words } = ctx;
  const person = PERSON[lang];
  const selfCongratulation = findAll(SELF_CONGRATULATION[lang], ctx);
  let firstPerson = 0;
  let firstPersonPlural = 0;
  const secondPersonSpans: Span[] = [];
  for (const t of words) {
    if (t.cls & person.first) firstPerson++;
    else if (t.cls & person.plural) firstPersonPlural++;
    else if (t.cls & person.second) {
      // "ravi de vous annoncer" addresses the reader only to announce oneself.
      if (!overlaps(t, selfCongratulation)) secondPersonSpans.push({ start: t.start, end: t.end });
    }
  }
  const brags: BragSpan[] = [];
  for (const { start, end, group } of findGroups(BRAGS[lang], ctx)) {
    const span = { start, end };
    // Hashtags are judged by their own rule.
    if (overlaps(span, selfCongratulation) || overlaps(span, ctx.hashtags)) continue;
    if (aboutTheAuthor(ctx, span)) brags.push({ ...span, type: group as BragType });
  }
  const celebration: CelebrationSpan[] = [];
  for (const m of findGroups(CELEBRATION[lang], ctx)) {
    if (overlaps(m, selfCongratulation) || overlaps(m, brags) || overlaps(m, ctx.hashtags)) continue;
    const sentence = sentenceAt(ctx, m.start);
    if (!sentence || sentence.question) continue;
    const strong = m.group === "strong";
    // Mild words ("first", "best") are everyday words: they count only when the author speaks of
    // themselves in the singular, or with the subject dropped.
    const self = subjectDropped(sentence) || sentence.firstSingular || (strong && sentence.firstPlural);
    if (self) celebration.push({ start: m.start, end: m.end, strong });
  }
  return {
    celebration,
    brags,
    firstPerson,
    firstPersonPlural,
    secondPerson: secondPersonSpans.length,
    secondPersonSpans,
    selfCongratulation,
  };
}

// A brag is about the author when its sentence speaks in the first person, or when it opens the
// sentence with the subject dropped, as posts often do ("Just got promoted!").
function aboutTheAuthor(ctx: RuleContext, span: Span): boolean {
  const sentence = sentenceAt(ctx, span.start);
  if (!sentence) return false;
  return span.start - sentence.start <= 12 || sentence.firstSingular || sentence.firstPlural;
}

const PAST_TENSE_RE = /^[a-z]+ed$/;

function subjectDropped(sentence: Sentence): boolean {
  return SUBJECT_DROP_OPENERS.has(sentence.opener) || PAST_TENSE_RE.test(sentence.opener);
}

/** Whether the sentence around a span speaks of the author in the first person singular ("my", "je"). */
export function aboutSelf(ctx: RuleContext, span: Span): boolean {
  return sentenceAt(ctx, span.start)?.firstSingular ?? false;
}
