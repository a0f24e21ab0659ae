// Whole escape sequences first (CSI, OSC up to BEL or ST, DCS/SOS/PM/APC up to ST, two-byte
// escapes), so that none of their text is left behind; then any control character left, C1
// controls (0x9b is CSI on some terminals) and the bidirectional overrides that reorder a line.
const ESCAPE_SEQUENCE =
  /\u001b(?:\[[0-?]*[ -/]*[@-~]?|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|[ -~]?)/g;
// DEL, the C1 controls, and the bidi overrides and isolates.
const C1_AND_BIDI = "\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069";
const CONTROL = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f${C1_AND_BIDI}]`, "g");

/**
 * Text from a draft (or a command line) made safe to show, in a terminal or in Slack: no escape
 * sequence in it can move the cursor, change a window title, ring the bell or rewrite what was
 * printed, and no bidi override can make it read backwards. Tabs and line breaks stay.
 */
export function withoutControls(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(CONTROL, "");
}

// What JSON.stringify leaves raw (it escapes the controls below 0x20 itself) and a terminal or a
// line-splitting reader would still act on: those, and the line and paragraph separators.
const RAW_IN_JSON = new RegExp(`[${C1_AND_BIDI}\\u2028\\u2029]`, "g");

/** A value as one line of JSON that is safe to print: every control character escaped. */
export function printableJson(value: unknown): string {
  const json = JSON.stringify(value);
  RAW_IN_JSON.lastIndex = 0;
  return RAW_IN_JSON.test(json)
    ? json.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    : json;
}
