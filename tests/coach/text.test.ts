import { describe, expect, it } from "vitest";
import { hashtags } from "../../src/coach/rules/hashtags.js";
import { buildContext, lowerSameLength, tokenize } from "../../src/coach/text.js";
import { FIRST_FR, PLURAL_FR } from "../../src/coach/words.js";
import { excerpts } from "../helpers/rules.js";

describe("reading a draft", () => {
  it("keeps mentions, emoji shortcodes and links out of its words", () => {
    const ctx = buildContext(
      "@USER so happy :face_with_tears_of_joy: <@U123ABC> see HTTPURL or https://x.io",
      "x",
      "en",
    );
    expect(ctx.words.map((w) => w.word)).toEqual(["so", "happy", "see", "or"]);
    expect(ctx.mentions).toHaveLength(2);
    expect(ctx.emojiCodes).toHaveLength(1);
    expect(ctx.urls).toHaveLength(2);
  });

  it("reads each of Slack's special mentions whole, not as words", () => {
    const ctx = buildContext(
      "ping <!subteam^S0614TZR7|@eng> and <!here>, see <#C024BE7LH|general> on <!date^1392734382^{date_short}|Feb 18, 2014>",
      "linkedin",
      "en",
    );
    expect(ctx.words.map((w) => w.word)).toEqual(["ping", "and", "see", "on"]);
    expect(ctx.mentions).toHaveLength(4);
  });

  it("reads an HTML comment or an arrow as text, not as a mention", () => {
    const ctx = buildContext(
      "Paste <!-- the tracking snippet --> here, then <# of users> goes up",
      "linkedin",
      "en",
    );
    expect(ctx.mentions).toEqual([]);
    expect(ctx.words.map((w) => w.word)).toContain("tracking");
  });

  it("ends a sentence at a full stop, not at the dot of an abbreviation, a number or a link", () => {
    const sentencesOf = (draft: string) =>
      buildContext(draft, "linkedin").sentences.map((s) => draft.slice(s.start, s.end));
    for (const draft of [
      "I am so proud that Dr. Smith and I won the award at the U.S. summit, e.g. the biggest one.",
      "Our team shipped v2.3.1 of the app and it cut load time by 3.5 seconds.",
      "Read the post at https://example.com/launch.html today and tell me what you think.",
      "Read the FAQ at https://example.com/faq?id=3&ref=home!top today, then tell me.",
      "Je suis fier d'annoncer que M. Dupont et moi avons gagné le prix, p. ex. le plus grand.",
      "Acme Inc. hired me after I got my Ph.D. in physics, and we meet at 9 a.m. every Monday.",
      "On a testé Notion, Jira, etc. et aucun ne convient.",
      "Use a doc tool, e.g. Notion, or a wiki, i.e. Confluence, to write it down.",
    ])
      expect(sentencesOf(draft), draft).toEqual([draft]);
    // The same abbreviations end a sentence when a capital follows.
    expect(sentencesOf("We tried Jira, Linear, etc. Then we stopped. I got my Ph.D. Then I left.")).toEqual([
      "We tried Jira, Linear, etc.",
      "Then we stopped.",
      "I got my Ph.D.",
      "Then I left.",
    ]);
    expect(sentencesOf("I won. So happy! Why? Read it at https://x.io. Then tell me.")).toEqual([
      "I won.",
      "So happy!",
      "Why?",
      "Read it at https://x.io.",
      "Then tell me.",
    ]);
  });

  it("reads French first person through elision, and 'on' as 'we'", () => {
    const ctx = buildContext("J'ai gagné. On a gagné. M'a surpris.", "linkedin", "fr");
    const cls = (w: string) => ctx.words.find((t) => t.word === w)!.cls;
    expect(cls("j'ai") & FIRST_FR).toBeTruthy();
    expect(cls("m'a") & FIRST_FR).toBeTruthy();
    expect(cls("on") & PLURAL_FR).toBeTruthy();
    expect(ctx.sentences[0]!.firstSingular).toBe(true);
    expect(ctx.sentences[1]!.firstPlural).toBe(true);
  });

  it("splits words as the word pattern it replaced did: inner apostrophes and hyphens, a trailing apostrophe", () => {
    // The tokenizer reads character codes for speed; this is the pattern it must agree with.
    const pattern = /[a-z0-9\u00c0-\u024f](?:[a-z0-9\u00c0-\u024f'-]*[a-z0-9\u00c0-\u024f])?'?/g;
    const drafts = [
      "Rock-'n'-roll, students' work, don't-- --x a'b' 'quoted' x-'",
      "Aujourd'hui j'ai reçu l'award—enfin ! Ça c'est top-10 ; 3.5 % «quoi» ''",
      "ÉTÉ İstanbul naïve œuvre ß 東京 won't -'- ''' x''",
    ];
    for (const draft of drafts) {
      const lower = lowerSameLength(draft);
      const expected = [...lower.matchAll(pattern)].map((m) => [m[0], m.index]);
      expect(expected.length).toBeGreaterThan(5);
      expect(tokenize(lower, []).map((t) => [t.word, t.start])).toEqual(expected);
    }
  });

  it("reads an initialism as one word: 'U.S.' is not 'you', 'i.e.' and 'A.I.' are not 'I'", () => {
    const words = (draft: string) => tokenize(lowerSameLength(draft), []).map((t) => t.word);
    expect(words("Back from the U.S. today, i.e. tired. Our A.I. team")).toEqual([
      "back",
      "from",
      "the",
      "u.s",
      "today",
      "i.e",
      "tired",
      "our",
      "a.i",
      "team",
    ]);
    expect(words("I moved to the U.S in 2019")).toEqual(["i", "moved", "to", "the", "u.s", "in", "2019"]);
    // Numbers, a missing space after a full stop and a one-letter word before an elision stay words.
    expect(words("3.5 x.y.z. Plan B.Next u.s'")).toEqual(["3", "5", "x.y.z", "plan", "b", "next", "u", "s'"]);
    const ctx = buildContext(
      "Meeting the U.S. ambassador today, i.e. a big day for the team",
      "linkedin",
      "en",
    );
    expect(ctx.sentences.some((s) => s.firstSingular)).toBe(false);
    expect(ctx.words.some((t) => t.cls !== 0 && t.word.includes("."))).toBe(false);
  });

  it("knows the same word the same way in every draft and language", () => {
    const en = buildContext("I love my team", "linkedin", "en").words;
    const fr = buildContext("J'adore mon équipe, my team", "linkedin", "fr").words;
    // Facts are shared between drafts, kept per language where they depend on it.
    expect(fr.find((t) => t.word === "team")!.facts).toBe(en.find((t) => t.word === "team")!.facts);
    expect(en[0]!.cls).toBe(en[0]!.facts.cls);
  });

  it("reads a word met before as that word, whatever its hash slot last held", () => {
    // Words that share a slot of the recent-words table must never be taken for each other.
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
    const draft = `${words.join(" ")} ${words.slice(0, 50).join(" ")}`;
    const tokens = tokenize(draft, []);
    expect(tokens.map((t) => t.word)).toEqual(draft.split(" "));
    for (const t of tokens) expect(t.facts.word).toBe(t.word);
    expect(tokenize("students' don't", []).map((t) => t.word)).toEqual(["students'", "don't"]);
  });

  it("keeps what it knows of long words too, up to a bound, as copies rather than slices of a draft", () => {
    const long = "congratulations";
    const [a] = tokenize(`${long} to you`, []);
    const [b] = tokenize(`well, ${long}!`, []).slice(1);
    expect(b!.facts).toBe(a!.facts);
    expect(a!.word).toBe(long);
    const huge = "x".repeat(41);
    expect(tokenize(huge, [])[0]!.facts).not.toBe(tokenize(`${huge} `, [])[0]!.facts);
  });

  it("does not read 'won' in 'won't'", () => {
    const ctx = buildContext("I won't lie, it was a long week.", "linkedin", "en");
    expect(ctx.words.map((w) => w.word)).toContain("won't");
  });

  it("knows a brag tag however it is spelled, in English and French", () => {
    for (const tag of [
      "#humblebrag",
      "#BraggingRights",
      "#faussemodestie",
      "#fausemodestie",
      "#jemevante",
      "#flex",
    ]) {
      expect(excerpts(hashtags, `new shoes ${tag}`, "en"), tag).toEqual([`brag:${tag}`]);
    }
    expect(excerpts(hashtags, "new shoes #humble", "en")).toEqual([]);
  });
});
