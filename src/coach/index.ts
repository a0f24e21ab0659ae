/** postcoach's coach: a pure library. It knows nothing of Slack, SQLite or the network (the LLM client is src/llm/). */
export { analyze } from "./analyze.js";
export { detectLanguage } from "./language.js";
export { BAND_LABELS, BANDS, bandOf, DIMENSION_LABELS, judged, quote, titleOf } from "./messages.js";
export { RULES, RULES_BY_ID, ruleTitle } from "./rules/index.js";
export { SIGNALS } from "./signals.js";
export { languageOf, MAX_ANALYZED_CHARS, readsAsOtherLanguage } from "./text.js";
export * from "./types.js";
