/** postcoach's coach: a pure library. It knows nothing of Slack, SQLite or the network. */
export { analyze } from "./analyze.js";
export { type Coaching, coach, withLlm } from "./coaching.js";
export { detectLanguage } from "./language.js";
export { type LlmAnswer, type LlmCache, LlmCoach, type LlmConfig, type LlmOutcome } from "./llm.js";
export { BAND_LABELS, BANDS, bandOf, DIMENSION_LABELS, quote } from "./messages.js";
export { redact } from "./redact.js";
export { RULES, RULES_BY_ID } from "./rules/index.js";
export { SIGNALS } from "./signals.js";
export { languageOf, MAX_ANALYZED_CHARS } from "./text.js";
export * from "./types.js";
