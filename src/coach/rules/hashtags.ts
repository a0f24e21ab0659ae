import type { Hit, Rule } from "./rule.js";

export const MAX_HASHTAGS = 5;

// Hashtags that label the author rather than the topic.
const SELF_LABEL_TAGS = new Set([
  "blessed",
  "winning",
  "success",
  "proud",
  "grateful",
  "humbled",
  "boss",
  "goals",
  "hustle",
  "motivation",
  "mindset",
  "entrepreneurlife",
  "ceolife",
  "bosslife",
  "girlboss",
  "winner",
  "killingit",
  "nailedit",
  "proudmoment",
  "fier",
  "fière",
  "fierté",
  "humilité",
  "réussite",
  "succès",
  "gagnant",
  "winnerlife",
  "grind",
]);

// Hashtags that call the post a brag outright, in English or French, however spelled:
// #humblebrag, #braggingrights, #jemevante, #fausemodestie, #jemelapète, #flex.
const BRAG_TAG_RE = /brag|vant(?:e|er|ard|arde|ardise)$|modestie|frim|lap[eè]te|^flex(?:ing)?$/;

export const hashtags: Rule = {
  id: "hashtags",
  dimension: "authenticity",
  kind: "concern",
  severity: "warning",
  priority: 35,
  byVariant: ["self", "brag"],
  texts: {
    en: {
      default: {
        message: `Hashtag stuffing: more than ${MAX_HASHTAGS} hashtags read like a bid for reach.`,
        suggestion: "One or two hashtags your readers actually follow are enough.",
        question: "Which one or two of these hashtags would your reader actually follow, starting from {q}?",
      },
      self: {
        message: "Self-labelling hashtag: it describes you, not the topic.",
        suggestion: "Let the story show it; hashtags help readers find a topic.",
        question: "What does {q} tell a reader about the topic, rather than about you?",
      },
      brag: {
        message: "You tag the post as a brag yourself: readers will read it as one.",
        suggestion: "A tag won't soften a brag; saying what the news could mean for the reader will.",
        question: "You tag this {q}. What would the post give a reader if the tag weren't there?",
      },
    },
    fr: {
      default: {
        message: `Trop de hashtags : au-delà de ${MAX_HASHTAGS}, on lit une course à la visibilité.`,
        suggestion: "Un ou deux hashtags que vos lecteurs suivent vraiment suffisent.",
        question: "Lesquels de ces hashtags votre lecteur suit-il vraiment, à commencer par {q} ?",
      },
      self: {
        message: "Hashtag d'autopromotion : il vous décrit, pas le sujet.",
        suggestion: "Laissez l'histoire le montrer ; les hashtags aident à trouver un sujet.",
        question: "Que dit {q} au lecteur sur le sujet, plutôt que sur vous ?",
      },
      brag: {
        message: "Vous étiquetez vous-même le post comme une vantardise : le lecteur le lira ainsi.",
        suggestion:
          "Un hashtag n'adoucit pas une vantardise ; dire ce que la nouvelle peut apporter au lecteur, si.",
        question: "Vous marquez ce post {q}. Qu'apporterait-il au lecteur sans ce hashtag ?",
      },
    },
  },
  run(ctx) {
    const hits: Hit[] = [];
    ctx.hashtags.forEach((tag, i) => {
      const name = ctx.lower.slice(tag.start + 1, tag.end);
      if (BRAG_TAG_RE.test(name)) {
        // A reply that is only the tag ("@Sam #humblebrag") is a verdict on someone else's post,
        // not the author's brag: 47 such tweets in the development corpus, none a brag.
        const verdictOnReply = ctx.mentions.length > 0 && ctx.words.length === 0 && ctx.urls.length === 0;
        if (!verdictOnReply) hits.push({ ...tag, variant: "brag" });
        return;
      }
      const selfLabel = SELF_LABEL_TAGS.has(name);
      // Every tag past the limit costs a little, so adding hashtags never raises the score.
      const pastLimit = i >= MAX_HASHTAGS;
      if (selfLabel) hits.push({ ...tag, variant: "self" });
      else if (pastLimit) hits.push({ ...tag });
    });
    return hits;
  },
};
