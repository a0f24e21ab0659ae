import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";
import { OAUTH_ENV, oauthAccessAnswer } from "../helpers/installations.js";

/**
 * What a person sees when the trip back from Slack's install page goes wrong: they cancelled, the
 * link was replayed or opened in another browser, Slack's code had expired or was used, or Slack's
 * answer could not be used. Each gets a
 * short page saying what happened and what to do, with a 4xx (a 5xx only for postcoach's own
 * failure), and never Bolt's generic "Oops" page; only a failure of postcoach's own is an ERROR.
 */
describe("the OAuth redirect when the install does not go through", () => {
  let h: Harness;
  let base: string;
  beforeAll(async () => {
    h = await startHarness(OAUTH_ENV);
    base = `http://127.0.0.1:${h.app.port}`;
  });
  afterAll(async () => {
    await h.stop();
  });

  async function startInstall(): Promise<{ state: string; cookie: string }> {
    const page = await fetch(`${base}/slack/install`);
    const link = /<a href="([^"]+)"/.exec(await page.text())![1]!.replaceAll("&amp;", "&");
    return {
      state: new URL(link).searchParams.get("state")!,
      cookie: page.headers.get("set-cookie")!.split(";")[0]!,
    };
  }

  const redirect = (query: string, cookie?: string) =>
    fetch(`${base}/slack/oauth_redirect?${query}`, { headers: cookie ? { cookie } : {} });

  const errorsLoggedDuring = async (run: () => Promise<void>) => {
    const before = h.logs.length;
    await run();
    await new Promise((r) => setTimeout(r, 100));
    return h.logs.slice(before).filter((l) => / (ERROR|WARN) /.test(l) && !/install link/.test(l));
  };

  it("tells a person who cancelled on Slack's page that nothing was installed and how to try again", async () => {
    const logged = await errorsLoggedDuring(async () => {
      const { state, cookie } = await startInstall();
      const res = await redirect(`error=access_denied&state=${encodeURIComponent(state)}`, cookie);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      const page = await res.text();
      expect(page).toMatch(/nothing was installed/i);
      expect(page).toContain('href="/slack/install"');
      expect(page).not.toMatch(/Oops|slack_oauth/);
    });
    expect(logged).toEqual([]);
  });

  it("says the install link is unknown, expired or already used for a replayed, forged or cookieless state", async () => {
    const { state, cookie } = await startInstall();
    h.fake.on("oauth.v2.access", () => oauthAccessAnswer("T7", "xoxb-T7", "UBOT7"));
    expect((await redirect(`code=c1&state=${encodeURIComponent(state)}`, cookie)).status).toBe(200);
    const fresh = await startInstall();
    const attempts = [
      () => redirect(`code=c2&state=${encodeURIComponent(state)}`, cookie),
      () => redirect("code=c3&state=forged", "slack-app-oauth-state=forged"),
      () => redirect(`code=c4&state=${encodeURIComponent(fresh.state)}`),
      () => redirect("code=c5"),
    ];
    for (const attempt of attempts) {
      const lines = await errorsLoggedDuring(async () => {
        const res = await attempt();
        expect(res.status).toBe(400);
        const page = await res.text();
        expect(page).toContain("the install link is unknown, expired or already used");
        expect(page).toContain('href="/slack/install"');
        expect(page).not.toMatch(/Oops|slack_oauth/);
      });
      expect(lines).toEqual([]);
    }
    // A warning names what happened, never the state itself (Bolt's own debug line shows the URL).
    expect(h.logs.filter((l) => !/ DEBUG /.test(l)).join("")).not.toContain(fresh.state);
  });

  it("says the link has expired or was used, with a 400 and one warning, when Slack refuses the code", async () => {
    for (const refusal of ["invalid_code", "code_already_used"]) {
      h.fake.on("oauth.v2.access", () => ({ ok: false, error: refusal }));
      const { state, cookie } = await startInstall();
      const before = h.logs.length;
      const res = await redirect(
        `code=the-secret-code-${refusal}&state=${encodeURIComponent(state)}`,
        cookie,
      );
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      const page = await res.text();
      expect(page).toMatch(/nothing was installed/i);
      expect(page).toContain("expired or was already used");
      expect(page).toContain('href="/slack/install"');
      expect(page).not.toMatch(/Oops|slack_|invalid_code|code_already_used/);
      await new Promise((r) => setTimeout(r, 100));
      const lines = h.logs.slice(before);
      expect(lines.filter((l) => / (WARN|ERROR) /.test(l))).toEqual([
        expect.stringMatching(
          new RegExp(
            ` WARN postcoach an install was refused: Slack's answer had expired or was already used \\(oauth\\.v2\\.access answered ${refusal}\\)\n$`,
          ),
        ),
      ]);
      // Not at any level: the code, with the client secret, is worth a token for 10 minutes.
      expect(lines.join("")).not.toContain("the-secret-code");
    }
    // Still serving: the next install goes through.
    h.fake.on("oauth.v2.access", () => oauthAccessAnswer("T8", "xoxb-T8", "UBOT8"));
    const { state, cookie } = await startInstall();
    expect((await redirect(`code=good&state=${encodeURIComponent(state)}`, cookie)).status).toBe(200);
  });

  it("says the install could not be finished, and logs it as an error, when Slack refuses postcoach's own credentials", async () => {
    h.fake.on("oauth.v2.access", () => ({ ok: false, error: "bad_client_secret" }));
    const { state, cookie } = await startInstall();
    const before = h.logs.length;
    const res = await redirect(`code=c6&state=${encodeURIComponent(state)}`, cookie);
    expect(res.status).toBe(500);
    const page = await res.text();
    expect(page).toMatch(/nothing was installed/i);
    expect(page).not.toMatch(/Oops|slack_oauth/);
    expect(h.logs.slice(before).some((l) => / ERROR .*bad_client_secret/.test(l))).toBe(true);
  });

  it("answers HEAD on the install page like GET, without a body", async () => {
    const res = await fetch(`${base}/slack/install`, { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toBe("");
  });
});
