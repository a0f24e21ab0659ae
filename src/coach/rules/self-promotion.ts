import { findGroups, groupedLexicon, type Lexicon } from "../lexicon.js";
import { sentenceAt } from "../text.js";
import type { Lang } from "../types.js";
import type { Hit, Rule } from "./rule.js";

/**
 * Selling one's own book, course, podcast, webinar or event, as LinkedIn self-promotion mostly does
 * (docs/labelling-rubric.md): the post points at what the author sells instead of carrying the idea.
 */
const OWN =
  "(?:my|our)(?: (?:brand[- ])?new| latest| next| upcoming| first| own| free| recent| forthcoming| weekly| monthly)*";
const WORK =
  "(?:book|books|e-?books?|novel|podcast|episode|vlog|video|videos|youtube channel|channel|course|masterclass|master class|webinar|webinars|workshop|roundtable|forum|meetup|panel|office hours|training|bootcamp|newsletter|blog(?: post)?|article|column|op-ed|paper|report|guide|white ?paper|program(?:me)?|membership|community|app|product|event|summit|conference|show|series|session|live ?stream|livestream|challenge|giveaway|talk|ted ?x? talk|keynote)";
const OWN_FR =
  "(?:mon|ma|mes|notre|nos)(?: (?:nouveau|nouvel|nouvelle|nouveaux|nouvelles|dernier|dernière|derniers|prochain|prochaine|premier|première|propre|tout nouveau))*";
const WORK_FR =
  "(?:livre|livres|e-?book|roman|podcast|épisode|vidéo|vidéos|chaîne youtube|chaîne|formation|cours|masterclass|webinaire|webinar|atelier|table ronde|meetup|programme|newsletter|lettre d'information|blog|article|chronique|tribune|rapport|guide|livre blanc|application|appli|produit|événement|évènement|conférence|émission|série|session|live|défi|concours)";

const LEXICONS: Record<Lang, Record<string, readonly string[]>> = {
  en: {
    own: [
      `${OWN} ${WORK}`,
      "my thoughts on",
      "(?:i|we) (?:just )?(?:wrote|published|launched|released|recorded|created|made|put together) (?:a|an|my|our|this) (?:new |short |little |free )?(?:book|e-?book|guide|course|video|podcast|episode|article|piece|post|report|series|program)",
      "(?:i'?m|i am|we'?re|we are) (?:offering|launching|hosting|running|teaching)",
      "(?:i|we) (?:will|'ll) (?:show you|teach you|be hosting|be teaching|be live)",
      "in (?:my|our) (?:latest|new|recent|next)",
      "(?:a|this|my) (?:little |short |new )?(?:blog post|post|piece|video|article|thread|episode) (?:from|by) me",
      "(?:here are|here's) (?:some |a few |my )?(?:thoughts|tips|ideas|takeaways) (?:on|about|from)",
      "joins? me (?:for|on|to)",
    ],
    action: [
      "(?:join|joining) (?:me|us)(?! in [a-z]+ing)",
      "(?:consider )?(?:enrolling|registering|signing up|subscribing)",
      "(?:come|comes) (?:see|hear|join|and see|and join|to (?:our|my|this|the))",
      "(?:have you|did you) (?:downloaded|registered|signed up|subscribed|grabbed|ordered|pre-?ordered)",
      "free (?:e-?book|guide|webinar|masterclass|download|trial|consultation|training|roundtable|session|workshop|class)",
      "(?:tune|tuning) in",
      "(?:register|sign up|signup|enrol|enroll|subscribe|rsvp)(?: (?:now|today|here|for free|below))?",
      "registration (?:is )?(?:open|link)",
      "(?:pre-?order|order|buy|grab|get|download|claim) (?:it |yours |your (?:free )?copy|your (?:free )?(?:e-?book|guide|ticket|spot|seat)|now|here|today)",
      "(?:order|pre-?order) here",
      "available (?:now )?(?:on|at) amazon",
      "link in (?:the )?(?:first )?comments?",
      "(?:link|details|more) (?:in|at) (?:the )?(?:bio|first comment)",
      "(?:a )?(?:few|limited) (?:spots|seats|places) (?:left|available)",
      "(?:dm|message) me",
      "(?:enter|click) (?:here )?to win",
      "don'?t miss (?:it|out|this)",
      "save (?:the|your) (?:date|spot|seat)",
      "(?:watch|listen to|check out) (?:the full|my|our) (?:episode|interview|video|conversation|talk|podcast)",
      "(?:check out|read|watch|listen to) (?:my|our) (?:latest|new|recent)",
    ],
  },
  fr: {
    own: [
      `${OWN_FR} ${WORK_FR}`,
      "(?:j'ai|nous avons) (?:écrit|publié|lancé|sorti|enregistré|créé|préparé|conçu) (?:un|une|mon|ma|notre|ce|cette) (?:nouveau |nouvelle |petit |petite |court |courte )?(?:livre|e-?book|guide|formation|vidéo|podcast|épisode|article|rapport|série|programme)",
      "(?:je|nous) (?:lance|lançons|propose|proposons|anime|animons|organise|organisons)",
      "(?:je vous|nous vous) (?:montrerai|montrerons|apprendrai|présenterai|présenterons)",
      "dans (?:mon|ma|notre) (?:dernier|dernière|nouveau|nouvelle|prochain|prochaine)",
      "(?:un|une|mon|ce) (?:petit |petite |court |nouvel |nouveau )?(?:article|billet|post|épisode|vidéo|fil) (?:de ma part|signé moi)",
      "(?:voici|voilà) (?:quelques |mes )?(?:réflexions|conseils|idées|enseignements) (?:sur|à propos)",
      "(?:me rejoint|me rejoindra) (?:pour|sur|dans)",
    ],
    action: [
      "(?:rejoignez|rejoins|retrouvez|retrouve)[- ](?:moi|nous)",
      "venez (?:découvrir|écouter|voir|nous rejoindre|me voir|assister)",
      "(?:avez-vous|vous avez) (?:téléchargé|réservé|commandé|précommandé)",
      "(?:e-?book|guide|webinaire|atelier|masterclass|formation|essai|table ronde|session) gratuite?s?",
      "(?:inscrivez|inscris|abonnez|abonne)[- ](?:vous|toi)",
      "inscriptions? (?:ouvertes?|ici|en commentaire|gratuite)",
      "(?:précommandez|commandez|téléchargez|réservez|procurez-vous) (?:le|la|votre|ton|ta|dès|ici|maintenant|gratuitement)",
      "disponible (?:dès maintenant |maintenant )?(?:sur|chez) amazon",
      "lien en (?:premier )?commentaire",
      "lien dans (?:le premier commentaire|les commentaires|ma bio)",
      "(?:plus que|encore) (?:\\d+|quelques) places",
      "places limitées",
      "(?:écrivez-moi|envoyez-moi un message|contactez-moi) en (?:mp|dm|privé)",
      "ne (?:le |la )?manquez pas",
      "(?:regardez|écoutez|découvrez|lisez) (?:mon|ma|notre|l'épisode|l'interview) (?:dernier|dernière|nouveau|nouvelle|complet|complète|intégral)?",
    ],
  },
};

const PROMOTION: Record<Lang, Lexicon> = {
  en: groupedLexicon("en", LEXICONS.en),
  fr: groupedLexicon("fr", LEXICONS.fr),
};

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
  run(ctx) {
    const hits: Hit[] = [];
    for (const m of findGroups(PROMOTION[ctx.lang], ctx)) {
      // A question ("Should I write a book?") sells nothing yet.
      if (sentenceAt(ctx, m.start)?.question) continue;
      hits.push(
        m.group === "own"
          ? { start: m.start, end: m.end }
          : { start: m.start, end: m.end, variant: "action" },
      );
    }
    return hits;
  },
};
