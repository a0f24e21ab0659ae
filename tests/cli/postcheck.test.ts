import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runPostcheck } from "../helpers/spawn.js";

describe("postcheck CLI", () => {
  it("prints a readable report for a draft argument", async () => {
    const r = await runPostcheck(["I'm thrilled to announce I won the award."]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/postcoach {2}\d+\/100/);
    expect(r.stdout).toContain("Questions to ask yourself");
    expect(r.stdout).toContain("“I'm thrilled");
    expect(r.stdout).not.toMatch(/\u001b\[/); // no colours off a TTY
  });

  it("shows no number and no bars for a draft too short to judge: '70/100' would read as a grade", async () => {
    const r = await runPostcheck(["Congrats on the launch!"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^postcoach {2}Too short to tell {2}·/);
    expect(r.stdout).not.toMatch(/\/100|█/);
    expect(r.stdout).toContain("Questions to ask yourself");
  });

  it("prints the contract's JSON with --json, and honours --lang and --platform", async () => {
    const r = await runPostcheck([
      "--json",
      "--lang",
      "fr",
      "--platform",
      "x",
      "Voici trois conseils pour vous.",
    ]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.language).toBe("fr");
    expect(result.platform).toBe("x");
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.questions.length).toBeGreaterThanOrEqual(2);
    expect(result.findings).toBeInstanceOf(Array);
  });

  it('reads --lang and a line\'s "lang" in any case, as it does --platform, and answers in lower case', async () => {
    const one = await runPostcheck(["--json", "--lang", "FR", "--platform", "X", "Trois conseils."]);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ language: "fr", platform: "x" });
    const draft = "We shipped the new onboarding flow and here is what we learned along the way.";
    const batch = await runPostcheck(
      ["--jsonl", "--lang", "Fr"],
      `${JSON.stringify({ text: draft })}\n${JSON.stringify({ text: draft, lang: "EN", platform: "Blog" })}\n`,
    );
    expect(
      batch.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toMatchObject([{ language: "fr" }, { language: "en", platform: "blog" }]);
  });

  it("reads the draft from stdin when no argument is given", async () => {
    const r = await runPostcheck(["--json"], "Ravie de vous annoncer ma promotion !");
    expect(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule)).toContain(
      "self-congratulation",
    );
  });

  it("coaches a draft argument that starts with a dash (a list, a figure) instead of calling it an option", async () => {
    for (const draft of [
      "- Listen first\n- Ask questions\n- Share what you learned",
      "-5% churn this quarter: here is what we changed",
      "--- three tips for new managers ---",
    ]) {
      const r = await runPostcheck(["--json", "--lang", "en", draft]);
      expect(r.stderr, draft).toBe("");
      expect(r.code, draft).toBe(0);
      const result = JSON.parse(r.stdout);
      expect(result.analyzedLength, draft).toBe(draft.length);
      for (const f of result.findings) expect(f.excerpt).toBe(draft.slice(f.start, f.end));
    }
    // Arguments shaped like options still are options.
    const r = await runPostcheck(["- Listen first", "--platform", "x", "-h"]);
    expect(r.stdout).toMatch(/^Usage:/);
  });

  it("refuses empty input with a clear message and exit code 2", async () => {
    for (const args of [[""], ["--json"]]) {
      const r = await runPostcheck(args, "   \n");
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/nothing to coach/);
      expect(r.stdout).toBe("");
    }
  });

  it("explains a usage error in one line that points to --help, with exit code 2", async () => {
    for (const [args, message] of [
      [["--bogus", "x"], /^postcheck: unknown option --bogus\b/],
      [["--bogus=1", "x"], /^postcheck: unknown option --bogus\b/],
      [["-z", "x"], /^postcheck: unknown option -z\b/],
      [["--platform", "myspace", "hello"], /^postcheck: --platform must be one of/],
      [["--lang"], /^postcheck: --lang needs a value\./],
      [["--lang", "--json", "hello"], /^postcheck: --lang needs a value\./],
      [["--json=yes", "hello"], /^postcheck: --json takes no value\./],
    ] as const) {
      const r = await runPostcheck([...args]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr, args.join(" ")).toMatch(message);
      expect(r.stderr, args.join(" ")).toMatch(/ See postcheck --help\.\n$/);
      expect(r.stderr.trimEnd().split("\n"), args.join(" ")).toHaveLength(1);
      // Node's own hint for positionals that start with a dash, not meant for postcheck's users.
      expect(r.stderr).not.toMatch(/as in|place it at the end/);
    }
  });

  it("coaches JSON lines and plain lines in order with --jsonl, exactly one output line per input line", async () => {
    const input = [
      JSON.stringify({ text: "I got promoted!" }),
      "",
      "plain line: what would you do?",
      JSON.stringify({ text: "Voici mes conseils pour vous." }),
      JSON.stringify({ nope: 1 }),
      "{bad json",
      "   ",
      JSON.stringify({ text: "  " }),
      "last line without a newline",
    ].join("\n");
    const r = await runPostcheck(["--jsonl"], input);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(9);
    expect(lines[0].findings.map((f: { rule: string }) => f.rule)).toContain("bragging");
    expect(lines[1]).toEqual({ error: "blank line: nothing to coach", line: 2 });
    expect(lines[2].strengths.map((f: { rule: string }) => f.rule)).toContain("reader-question");
    expect(lines[3].language).toBe("fr");
    expect(lines[4]).toEqual({ error: 'each JSON line needs a "text" string', line: 5 });
    expect(lines[5]).toMatchObject({ error: expect.stringMatching(/not valid JSON/), line: 6 });
    expect(lines[6]).toMatchObject({ error: expect.stringMatching(/blank/), line: 7 });
    expect(lines[7]).toMatchObject({ error: expect.stringMatching(/empty/), line: 8 });
    expect(lines[8].language).toBe("en");
  });

  it("refuses a draft argument with --jsonl, which reads its drafts from stdin only", async () => {
    const r = await runPostcheck(
      ["--jsonl", "extra arg"],
      `${JSON.stringify({ text: "I got promoted!" })}\n`,
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      'postcheck: --jsonl reads its drafts from stdin, not from "extra arg". See postcheck --help.\n',
    );
  });

  it("honours each line's lang and platform over the command line's, and says when one is wrong", async () => {
    const draft = "We shipped the new onboarding flow and here is what we learned along the way. ".repeat(5);
    const input = [
      JSON.stringify({ text: draft }),
      JSON.stringify({ text: draft, lang: "fr", platform: "blog" }),
      JSON.stringify({ text: draft, platform: "twitter" }),
      JSON.stringify({ text: draft, lang: "de" }),
      JSON.stringify({ text: draft, platform: "myspace" }),
    ].join("\n");
    const r = await runPostcheck(["--jsonl", "--platform", "x"], `${input}\n`);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ language: "en", platform: "x" });
    expect(lines[1]).toMatchObject({ language: "fr", platform: "blog" });
    expect(lines[2]).toMatchObject({ platform: "x" });
    expect(lines[3]).toEqual({ error: '"lang" must be en or fr, not "de".', line: 4 });
    expect(lines[4].error).toMatch(/"platform" must be one of linkedin, x, slack, blog/);
  });

  it("never crashes on 100,000 characters of any Unicode and says it read the first part", async () => {
    const huge = "Très 🚀 bien\u0301 你好 <!channel> ".repeat(4000).slice(0, 100_000);
    const r = await runPostcheck(["--json"], huge);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.truncated).toBe(true);
    expect(result.findings.map((f: { rule: string }) => f.rule)).toContain("draft-truncated");
  });

  it("keeps lines in order and numbered right on a large input", async () => {
    const kinds = [
      (i: number) => JSON.stringify({ text: `Draft number ${i}: what would you do?` }),
      () => "",
      () => "{broken",
      (i: number) => JSON.stringify({ text: `Voici le brouillon ${i} pour vous.`, lang: "fr" }),
    ];
    const lines = Array.from({ length: 12_000 }, (_, i) => kinds[i % kinds.length]!(i + 1));
    const r = await runPostcheck(["--jsonl"], `${lines.join("\n")}\n`);
    expect(r.code).toBe(0);
    const out = r.stdout.trimEnd().split("\n");
    expect(out).toHaveLength(12_000);
    for (const i of [0, 1, 2, 3, 5_001, 5_002, 11_998, 11_999]) {
      const result = JSON.parse(out[i]!);
      if (i % 4 === 1) expect(result).toEqual({ error: "blank line: nothing to coach", line: i + 1 });
      else if (i % 4 === 2)
        expect(result).toMatchObject({ error: expect.stringMatching(/JSON/), line: i + 1 });
      else if (i % 4 === 3) expect(result.language).toBe("fr");
      else expect(result.questions.join(" ")).toBeTruthy();
    }
    expect(JSON.parse(out[8_000]!).findings).toBeInstanceOf(Array);
  });

  it("decodes a character split between two chunks of input whole", async () => {
    // ~200 KB of accents and emoji: some of them straddle the 64 KB chunks stdin is read in.
    const line = JSON.stringify({ text: "Voilà l'été 🎉 : ça a été dur, à vous de jouer ? ".repeat(6) });
    const r = await runPostcheck(["--jsonl"], `${line}\n`.repeat(500));
    const out = r.stdout.trimEnd().split("\n");
    expect(out).toHaveLength(500);
    expect(r.stdout).not.toContain("\ufffd");
    expect(new Set(out.map((l) => JSON.parse(l).analyzedLength)).size).toBe(1);
  });

  it("prints a finding repeated through a draft three times and counts the rest; --json keeps them all", async () => {
    const draft = "I won the award. ".repeat(25);
    const report = await runPostcheck([draft]);
    expect(report.stdout.match(/\[bragging\]/g)).toHaveLength(4);
    expect(report.stdout).toContain("… and 22 more [bragging]");
    expect(report.stdout.split("\n").length).toBeLessThan(40);
    const json = JSON.parse((await runPostcheck(["--json", draft])).stdout);
    expect(json.findings.filter((f: { rule: string }) => f.rule === "bragging")).toHaveLength(25);
  });

  it("strips terminal control sequences from the draft text it echoes", async () => {
    const draft =
      "\u001b]0;pwned\u0007I'm thrilled \u001b[2J\u001b[31mto announce\u009b1m I won \u001bc\u202ethe award!\u0007";
    const r = await runPostcheck([draft]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("“I'm thrilled");
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(r.stdout).not.toContain("pwned");
    // JSON escapes them (C1 controls, line separators, bidirectional overrides and isolates
    // included: a reader splitting lines as Python does sees one line), and keeps the draft's text.
    const reversed = "I'm thrilled to \u202eannounce\u2066 I won the award!\u2028\u0085\u009b";
    for (const args of [["--json", reversed], ["--jsonl"]]) {
      const stdin = args[0] === "--jsonl" ? `${JSON.stringify({ text: reversed })}\n` : undefined;
      const json = await runPostcheck(args, stdin);
      expect(json.stdout, args[0]).not.toMatch(
        /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/,
      );
      expect(json.stdout, args[0]).toContain("to \\u202eannounce\\u2066 I won");
      // Parsed, the draft's own characters are back.
      expect(JSON.stringify(JSON.parse(json.stdout)), args[0]).toContain("to \u202eannounce");
    }
    const usage = await runPostcheck(["--lang", "\u001b[2Jxx", "hello"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).not.toContain("\u001b");
  });

  it("ends quietly when its reader closes the pipe (| head -1): exit 141, nothing on stderr", () => {
    const dir = mkdtempSync(join(tmpdir(), "postcheck-pipe-"));
    try {
      const input = join(dir, "drafts.jsonl");
      writeFileSync(
        input,
        `${JSON.stringify({ text: "I'm thrilled to announce my promotion!" })}\n`.repeat(20_000),
      );
      const r = spawnSync(
        "bash",
        [
          "-c",
          `node bin/postcheck.js --jsonl < "${input}" | head -1 > /dev/null; echo "exit=\${PIPESTATUS[0]}"`,
        ],
        { cwd: ROOT, encoding: "utf8" },
      );
      expect(r.stdout.trim()).toBe("exit=141");
      expect(r.stderr).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says in one line that a full stdout (> /dev/full) could not be written, and exits 1", () => {
    for (const args of [["--json", "I won the award!"], ["I won the award!"]]) {
      const r = spawnSync(
        "bash",
        ["-c", `node bin/postcheck.js ${args.map((a) => `'${a}'`).join(" ")} > /dev/full`],
        {
          cwd: ROOT,
          encoding: "utf8",
        },
      );
      expect(r.status).toBe(1);
      expect(r.stderr).toBe("postcheck: could not write the output (ENOSPC)\n");
    }
    expect(readFileSync(join(ROOT, "README.md"), "utf8"), "README's troubleshooting quotes it").toContain(
      "| `postcheck: could not write the output (ENOSPC)`",
    );
  });
});
