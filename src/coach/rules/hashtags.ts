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
  "humblebrag",
  "killingit",
  "nailedit",
  "proudmoment",
  "fier",
  "fière",
  "fierté",
  "réussite",
  "succès",
  "gagnant",
  "winnerlife",
  "grind",
]);

export const hashtags: Rule = {
  id: "hashtags",
  dimension: "authenticity",
  kind: "concern",
  severity: "warning",
  points: -6,
  cap: 24,
  priority: 35,
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
    },
  },
  run(ctx) {
    const hits: Hit[] = [];
    ctx.hashtags.forEach((tag, i) => {
      const selfLabel = SELF_LABEL_TAGS.has(ctx.lower.slice(tag.start + 1, tag.end));
      // Every tag past the limit costs a little, so adding hashtags never raises the score.
      const pastLimit = i >= MAX_HASHTAGS;
      if (selfLabel) hits.push({ ...tag, variant: "self", points: pastLimit ? -10 : -6 });
      else if (pastLimit) hits.push({ ...tag, points: -4 });
    });
    return hits;
  },
};
