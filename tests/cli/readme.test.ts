import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runPostcheck } from "../helpers/spawn.js";

/**
 * The README quotes postcheck's output; these runs keep the quotes true. When the coach's rules or
 * weights move a score, they fail with the new output: paste it into the README.
 */
const readme = readFileSync(join(ROOT, "README.md"), "utf8");

function exampleRun(): { draft: string; output: string } {
  const m = readme.match(/^```\n\$ npx postcheck "([^"$\\`]*)"\n([\s\S]*?)^```$/m);
  if (!m) throw new Error('README.md has no ``` block starting with $ npx postcheck "…"');
  return { draft: m[1]!, output: m[2]! };
}

/**
 * The README's JSON shows some of each list and elides long strings with "…": what it does show must
 * be the real output, and it names every top-level field.
 */
function expectShownIn(shown: unknown, real: unknown, path: string): void {
  if (typeof shown === "string" && shown.startsWith("…")) return;
  if (Array.isArray(shown)) {
    expect(real, path).toBeInstanceOf(Array);
    const list = real as unknown[];
    if (shown.length === 0) expect(list, path).toEqual([]);
    expect(list.length, path).toBeGreaterThanOrEqual(shown.length);
    for (const [i, item] of shown.entries()) expectShownIn(item, list[i], `${path}[${i}]`);
  } else if (shown !== null && typeof shown === "object") {
    expect(real, path).toBeTypeOf("object");
    for (const [key, value] of Object.entries(shown))
      expectShownIn(value, (real as Record<string, unknown>)[key], `${path}.${key}`);
  } else {
    expect(real, path).toEqual(shown);
  }
}

describe("the README's postcheck examples", () => {
  it("show the report exactly as postcheck prints it", async () => {
    const { draft, output } = exampleRun();
    const r = await runPostcheck([draft]);
    expect(r.code).toBe(0);
    expect(output, "README.md's example output is stale: paste the real one").toBe(r.stdout);
  });

  it("show the JSON result of the same draft as postcheck --json gives it", async () => {
    const block = readme.match(/The JSON result:\n\n```json\n([\s\S]*?)^```$/m);
    expect(block, "README.md's JSON result block").not.toBeNull();
    const shown = JSON.parse(block![1]!) as Record<string, unknown>;
    const r = await runPostcheck(["--json", exampleRun().draft]);
    const real = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(shown)).toEqual(Object.keys(real));
    expectShownIn(shown, real, "result");
  });
});
