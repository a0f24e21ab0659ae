import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDigestRequest } from "../../src/commands/digest-settings.js";
import { type Harness, startHarness } from "../helpers/harness.js";

describe("/postcheck digest over HTTP", () => {
  let h: Harness;
  let n = 0;
  /** Runs the command in a channel and returns the ephemeral reply's text. */
  const run = async (text: string, fields: Record<string, string> = {}) => {
    const id = `d${++n}`;
    const res = await h.command(text, id, fields);
    expect(res.status).toBe(200);
    return String((await h.fake.waitForResponse(id)).body.text);
  };
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it("turns it on for Monday 09:00 in the time zone of the person who asked (users.info)", async () => {
    h.fake.on("users.info", (p) => ({ ok: true, user: { id: p.user, tz: "America/Los_Angeles" } }));
    const reply = await run("digest on", { channel_id: "C10" });
    expect(reply).toContain("every Monday at 09:00 (America/Los_Angeles, your Slack time zone)");
    expect(reply).toContain("looking back at the week before");
    expect(h.fake.callsTo("users.info").at(-1)!.params.user).toBe("U1");
    const schedule = await h.store.digestSchedules.get("T1", "C10");
    expect(schedule).toMatchObject({
      enabled: true,
      weekday: 1,
      minute: 540,
      tz: "America/Los_Angeles",
      language: "auto",
    });
    // The next digest is the coming Monday 09:00 in Los Angeles (17:00 UTC in winter, 16:00 in summer).
    const next = new Date(schedule!.nextSlotAt!);
    expect(next.getUTCDay()).toBe(1);
    expect([16, 17]).toContain(next.getUTCHours());
    expect(schedule!.nextSlotAt!).toBeGreaterThan(Date.now());
  });

  it("takes a day, a time, an IANA zone and a language, in English or French words", async () => {
    const reply = await run("digest on vendredi à 16h30 europe/paris fr", { channel_id: "C11" });
    expect(reply).toContain("every Friday at 16:30 (Europe/Paris)");
    expect(reply).toContain("wrapping up the week so far");
    expect(reply).toContain("in French");
    expect(await h.store.digestSchedules.get("T1", "C11")).toMatchObject({
      weekday: 5,
      minute: 990,
      tz: "Europe/Paris",
      language: "fr",
    });
    // What isn't given again stays as it was.
    await run("digest on 5pm", { channel_id: "C11" });
    expect(await h.store.digestSchedules.get("T1", "C11")).toMatchObject({
      weekday: 5,
      minute: 1020,
      tz: "Europe/Paris",
      language: "fr",
    });
  });

  it("answers bad input kindly and changes nothing", async () => {
    await run("digest on monday 9:00 Asia/Tokyo", { channel_id: "C12" });
    const before = await h.store.digestSchedules.get("T1", "C12");
    for (const [text, expected] of [
      ["digest on monday 25:00", /“25:00” isn't a time of day/],
      ["digest on Mars/Olympus_Mons", /“Mars\/Olympus_Mons” isn't a time zone I know/],
      ["digest on monday friday", /two days/],
      ["digest on tomorrow", /I didn't understand “tomorrow”/],
      [`digest on <!channel> ${"x".repeat(5000)}`, /I didn't understand “&lt;!channel&gt;”/],
      ["digest off now", /I didn't understand “now”/],
    ] as const) {
      const reply = await run(text, { channel_id: "C12" });
      expect(reply).toMatch(expected);
      expect(reply).toMatch(/Nothing changed\.$/);
      expect(reply.length).toBeLessThan(500);
    }
    expect(await h.store.digestSchedules.get("T1", "C12")).toEqual(before);
  });

  it("says when the digest comes, and turns it off", async () => {
    await run("digest on wednesday 8:15 UTC en", { channel_id: "C13" });
    expect(await run("digest", { channel_id: "C13" })).toContain(
      "This channel gets the postcoach digest every Wednesday at 08:15 (UTC), in English.",
    );
    expect(await run("digest off", { channel_id: "C13" })).toBe(
      "Done: no more weekly digest in this channel.",
    );
    expect(await h.store.digestSchedules.get("T1", "C13")).toMatchObject({
      enabled: false,
      nextSlotAt: null,
    });
    expect(await run("digest status", { channel_id: "C13" })).toMatch(/^No weekly digest here yet/);
    expect(await run("digest off", { channel_id: "C13" })).toMatch(/had no weekly digest: nothing changed/);
  });

  it("falls back to UTC, and says so, when Slack can't tell the asker's time zone", async () => {
    h.fake.on("users.info", () => ({ ok: false, error: "user_not_found" }));
    const reply = await run("digest on", { channel_id: "C14", user_id: "U77" });
    expect(reply).toContain("every Monday at 09:00 (UTC; I couldn't read your Slack time zone");
    expect(await h.store.digestSchedules.get("T1", "C14")).toMatchObject({ tz: "UTC" });
  });

  it("is for channels only", async () => {
    expect(await run("digest on", { channel_id: "D1" })).toMatch(/for channels/);
    expect(await h.store.digestSchedules.get("T1", "D1")).toBeUndefined();
  });

  it("keys the setting by workspace: the same channel id elsewhere is another channel", async () => {
    await run("digest on tuesday 10:00 Europe/Berlin", { channel_id: "C15", team_id: "T1" });
    await run("digest on thursday 10:00 Asia/Tokyo", { channel_id: "C15", team_id: "T2" });
    expect(await h.store.digestSchedules.get("T1", "C15")).toMatchObject({ weekday: 2, tz: "Europe/Berlin" });
    expect(await h.store.digestSchedules.get("T2", "C15")).toMatchObject({ weekday: 4, tz: "Asia/Tokyo" });
  });

  it("answers in French someone who chose French in the App Home", async () => {
    await h.store.users.update("T1", "UFRD", { language: "fr" });
    const fr = { channel_id: "C16", user_id: "UFRD" };
    expect(await run("digest", fr)).toBe(
      "Pas encore de bilan hebdomadaire ici. `/postcheck digest on` l'active le lundi à 09:00 dans votre fuseau ; choisissez un autre moment comme `/postcheck digest on lundi 9:00 Europe/Paris`.",
    );
    expect(await run("digest on vendredi 16h30 Europe/Paris en", fr)).toBe(
      "C'est fait : ce canal recevra un court bilan postcoach chaque vendredi à 16:30 (Europe/Paris), sur la semaine en cours, en anglais. Des totaux seulement, jamais un brouillon ni un classement. Invitez-moi ici si je n'y suis pas encore (`/invite @postcoach`) ; `/postcheck digest off` l'arrête.",
    );
    expect(await run("digest status", fr)).toMatch(
      /^Ce canal reçoit le bilan postcoach chaque vendredi à 16:30 \(Europe\/Paris\), en anglais\./,
    );
    for (const [text, expected] of [
      ["digest on lundi 25:00", /^« 25:00 » n'est pas une heure/],
      ["digest on Mars/Olympus_Mons", /^Je ne connais pas le fuseau horaire « Mars\/Olympus_Mons »/],
      ["digest on lundi vendredi", /^Vous avez donné deux jours : gardez-en un\./],
      ["digest on demain", /^Je n'ai pas compris « demain »/],
    ] as const) {
      const reply = await run(text, fr);
      expect(reply).toMatch(expected);
      expect(reply).toMatch(/Rien n'a changé\.$/);
    }
    expect(await run("digest on", { channel_id: "D2", user_id: "UFRD" })).toMatch(/^Le bilan hebdomadaire/);
    expect(await run("digest off", fr)).toBe("C'est fait : plus de bilan hebdomadaire dans ce canal.");
    // The same commands from someone who didn't choose French stay in English.
    expect(await run("digest", { channel_id: "C16" })).toMatch(/^No weekly digest here yet/);
  });

  it("still coaches a draft that merely starts with the word digest", async () => {
    await h.command("digest onboarding tips: I'm thrilled to announce our new process", "draft-digest");
    const reply = await h.fake.waitForResponse("draft-digest");
    expect(JSON.stringify(reply.body.blocks)).toMatch(/Score \d+\/100/);
  });
});

describe("parseDigestRequest", () => {
  it("reads times the way people write them", () => {
    for (const [words, minute] of [
      ["9", 540],
      ["9:00", 540],
      ["09.30", 570],
      ["9h", 540],
      ["9h30", 570],
      ["17h", 1020],
      ["9am", 540],
      ["9 am", 540],
      ["12am", 0],
      ["12pm", 720],
      ["5:45pm", 1065],
      ["0:00", 0],
      ["23:59", 1439],
    ] as const) {
      expect(parseDigestRequest(`on ${words}`), words).toEqual({ kind: "on", minute });
    }
    for (const bad of ["24:00", "13pm", "0am", "9:60", "9:5"]) {
      expect(parseDigestRequest(`on ${bad}`).kind, bad).toBe("invalid");
    }
  });

  it("reads days in English and French, whole, short or plural", () => {
    for (const [word, weekday] of [
      ["monday", 1],
      ["Mondays", 1],
      ["lundi", 1],
      ["tue", 2],
      ["mercredi", 3],
      ["thurs", 4],
      ["vendredi", 5],
      ["sat", 6],
      ["dimanche", 7],
    ] as const) {
      expect(parseDigestRequest(`on ${word}`), word).toEqual({ kind: "on", weekday });
    }
  });

  it("gives zones their canonical spelling", () => {
    expect(parseDigestRequest("on america/new_york")).toEqual({ kind: "on", tz: "America/New_York" });
    expect(parseDigestRequest("on utc")).toEqual({ kind: "on", tz: "UTC" });
  });
});
