import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { auc } from "../../scripts/lib/logistic.js";
import { analyze } from "../../src/coach/index.js";

interface Fixture {
  text: string;
  label: "self-promotion" | "other";
  lang: "en" | "fr";
}

function load(name: string): Fixture[] {
  const path = fileURLToPath(new URL(`../fixtures/${name}.jsonl`, import.meta.url));
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Fixture);
}

const separation = (set: readonly Fixture[]) =>
  auc(set.map((f) => ({ value: -analyze(f.text).score, positive: f.label === "self-promotion" })));

// The project's own drafts: a regression guard, not a measure of quality (docs/scoring.md has those,
// on real posts nobody on the team wrote).
describe("the project's own fixtures", () => {
  it("keep self-promotion below other drafts, in both languages", () => {
    const dev = load("dev-set");
    expect(separation(dev)).toBeGreaterThanOrEqual(0.85);
    expect(separation(dev.filter((f) => f.lang === "fr"))).toBeGreaterThanOrEqual(0.85);
    expect(separation(load("tweets"))).toBeGreaterThanOrEqual(0.85);
  });
  it("are each read in their own language", () => {
    for (const f of [...load("dev-set"), ...load("tweets")])
      expect(analyze(f.text).language, f.text).toBe(f.lang);
  });
});
