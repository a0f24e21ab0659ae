/** postcoach's coach: a pure library. It knows nothing of Slack, SQLite or the network. */
export { analyze } from "./analyze.js";
export { detectLanguage } from "./language.js";
export { DIMENSION_LABELS, quote } from "./messages.js";
export { RULES, RULES_BY_ID } from "./rules/index.js";
export { BASELINE, WEIGHTS } from "./score.js";
export { MAX_ANALYZED_CHARS } from "./text.js";
export * from "./types.js";
