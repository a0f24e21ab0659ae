// write-good run as `postcheck --jsonl` runs: JSON lines in on stdin, one JSON result line out per
// input line, written a chunk of input at a time. The reference of `npm run bench -- cli`.
import { createRequire } from "node:module";

const writeGood = createRequire(import.meta.url)("write-good");
let pending = "";
const coach = (lines) => {
  let out = "";
  for (const line of lines) {
    const text = line.trim().startsWith("{") ? JSON.parse(line).text : line;
    out += `${JSON.stringify({ suggestions: writeGood(text) })}\n`;
  }
  return out;
};
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) {
  const lines = (pending + chunk).split("\n");
  pending = lines.pop() ?? "";
  const out = coach(lines);
  if (!process.stdout.write(out)) await new Promise((r) => process.stdout.once("drain", r));
}
if (pending !== "") process.stdout.write(coach([pending]));
