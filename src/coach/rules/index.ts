import { titleOf } from "../messages.js";
import type { Lang } from "../types.js";
import { bragging } from "./bragging.js";
import { buzzwords } from "./buzzwords.js";
import { challengeShared } from "./challenge-shared.js";
import { companyNews } from "./company-news.js";
import { conversationInvite } from "./conversation-invite.js";
import { emojiWall } from "./emoji-wall.js";
import { engagementBait } from "./engagement-bait.js";
import { hashtags } from "./hashtags.js";
import { humblebrag } from "./humblebrag.js";
import { linkedinHook } from "./linkedin-hook.js";
import { mediaAppearance } from "./media-appearance.js";
import { oversharing } from "./oversharing.js";
import { platformLength } from "./platform-length.js";
import { prismOfMe } from "./prism-of-me.js";
import { readerAddress } from "./reader-address.js";
import { readerQuestion } from "./reader-question.js";
import type { Rule } from "./rule.js";
import { selfCelebration } from "./self-celebration.js";
import { selfCongratulation } from "./self-congratulation.js";
import { selfPromotion } from "./self-promotion.js";
import { specifics } from "./specifics.js";
import { statedOpinion } from "./stated-opinion.js";
import { successWithoutStruggle } from "./success-without-struggle.js";
import { usableContent } from "./usable-content.js";

export type { Hit, Rule, RuleText } from "./rule.js";

/** Every rule, in no particular order: scoring and questions sort by their own keys. */
export const RULES: readonly Rule[] = [
  readerAddress,
  readerQuestion,
  usableContent,
  conversationInvite,
  prismOfMe,
  engagementBait,
  selfPromotion,
  mediaAppearance,
  companyNews,
  selfCongratulation,
  bragging,
  selfCelebration,
  humblebrag,
  buzzwords,
  hashtags,
  emojiWall,
  specifics,
  statedOpinion,
  challengeShared,
  successWithoutStruggle,
  oversharing,
  platformLength,
  linkedinHook,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

/** What a rule is about, in a few words a user reads ("Bragging", "Vantardise"): its message's head. */
export function ruleTitle(id: string, lang: Lang): string {
  const texts = RULES_BY_ID.get(id)?.texts[lang];
  const message = texts && (texts.default ?? Object.values(texts)[0])?.message;
  return message ? titleOf(message) : id;
}
