import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOT_INSTALLED } from "../../src/app.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import { OAUTH_ENV, oauthAccessAnswer } from "../helpers/installations.js";
import { eventCallbackBody, JSON_TYPE, postSigned } from "../helpers/slack-requests.js";

/** Installing in several workspaces, as Slack's OAuth flow does it, against the fake Slack. */
describe("installing postcoach in a workspace (OAuth)", () => {
  /** A person of a workspace opens the bot's Home tab (a signed app_home_opened event). */
  const homeOpened = (user: string, channel: string, team: string) =>
    postSigned(
      h.url,
      eventCallbackBody({ type: "app_home_opened", user, channel, tab: "home" }, undefined, team),
      JSON_TYPE,
    );
  let h: Harness;
  let base: string;
  const codes: string[] = [];
  beforeAll(async () => {
    h = await startHarness(OAUTH_ENV);
    base = `http://127.0.0.1:${h.app.port}`;
    h.fake.on("oauth.v2.access", (params) => {
      codes.push(String(params.code));
      return oauthAccessAnswer("T2", "xoxb-T2-installed", "UBOT2", "commands,chat:write");
    });
  });
  afterAll(async () => {
    await h.stop();
  });

  /** Opens the install page, as a browser does: the Add to Slack link's state, and its cookie. */
  async function startInstall(): Promise<{ state: string; cookie: string }> {
    const page = await fetch(`${base}/slack/install`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const link = /<a href="([^"]+)"/.exec(html)?.[1]?.replaceAll("&amp;", "&");
    expect(link).toBeDefined();
    const url = new URL(link!);
    expect(url.searchParams.get("client_id")).toBe("111.222");
    expect(url.searchParams.get("scope")?.split(",")).toEqual(
      expect.arrayContaining(["commands", "chat:write"]),
    );
    const state = url.searchParams.get("state")!;
    const cookie = page.headers.get("set-cookie")!.split(";")[0]!;
    expect(cookie).toContain(state);
    return { state, cookie };
  }

  const redirect = (code: string, state: string, cookie: string) =>
    fetch(`${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
      headers: { cookie },
    });

  const publishedWith = (teamUser: string) =>
    h.fake
      .callsTo("views.publish")
      .filter((c) => c.params.user_id === teamUser)
      .map((c) => String(c.headers.authorization));

  it("stores the workspace's token encrypted and uses it for that workspace's next event", async () => {
    const { state, cookie } = await startInstall();
    const done = await redirect("code-1", state, cookie);
    expect(done.status).toBe(200);
    expect(codes).toEqual(["code-1"]);
    const exchange = h.fake.callsTo("oauth.v2.access")[0]!;
    expect(exchange.params.code).toBe("code-1");

    const rows = h.store.db.prepare("SELECT id, team_id, secret FROM installations").all() as {
      id: string;
      team_id: string;
      secret: string;
    }[];
    expect(rows.map((r) => r.id)).toEqual(["team:T2"]);
    expect(rows[0]!.secret).not.toContain("xoxb");

    const res = await homeOpened("UT2", "D2", "T2");
    expect(res.status).toBe(200);
    await h.fake.waitFor(() => publishedWith("UT2")[0]);
    expect(publishedWith("UT2")).toEqual(["Bearer xoxb-T2-installed"]);
  });

  it("refuses a replayed state: the install is not done twice", async () => {
    const { state, cookie } = await startInstall();
    expect((await redirect("code-2", state, cookie)).status).toBe(200);
    const replay = await redirect("code-3", state, cookie);
    expect(replay.status).not.toBe(200);
    expect(codes).not.toContain("code-3");
  });

  it("refuses a forged state, and a real one from another browser", async () => {
    const forged = await redirect("code-4", "forged-state", "slack-app-oauth-state=forged-state");
    expect(forged.status).not.toBe(200);
    const { state } = await startInstall();
    const elsewhere = await redirect("code-5", state, "slack-app-oauth-state=someone-elses");
    expect(elsewhere.status).not.toBe(200);
    expect(codes).not.toContain("code-4");
    expect(codes).not.toContain("code-5");
  });

  it("does not serve a workspace that never installed it, nor one that uninstalled it", async () => {
    await homeOpened("UT9", "D9", "T9");
    const uninstall = await postSigned(
      h.url,
      eventCallbackBody({ type: "app_uninstalled" }, undefined, "T2"),
      JSON_TYPE,
    );
    expect(uninstall.status).toBe(200);
    await h.fake.waitFor(() =>
      h.store.db.prepare("SELECT id FROM installations").all().length === 0 ? true : undefined,
    );
    expect(await h.store.workspaces.pendingRemoval("T2")).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    await homeOpened("UT2b", "D2", "T2");
    await new Promise((r) => setTimeout(r, 300));
    expect(publishedWith("UT9")).toEqual([]);
    expect(publishedWith("UT2b")).toEqual([]);
  });

  it("tells the person in one line when /postcheck comes from a workspace without postcoach", async () => {
    const res = await h.command("I won the award!", "uninstalled", { team_id: "T404" });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ response_type: "ephemeral", text: NOT_INSTALLED });
    // Events from such a workspace are still refused as Bolt refuses them.
    const event = await homeOpened("UX", "DX", "T404");
    expect(event.status).toBe(401);
  });

  it("forgets the installation when the bot's token is revoked, not when only a user's is", async () => {
    const { state, cookie } = await startInstall();
    expect((await redirect("code-6", state, cookie)).status).toBe(200);
    const installed = () => h.store.db.prepare("SELECT id FROM installations").all().length;
    expect(installed()).toBe(1);
    expect(await h.store.workspaces.pendingRemoval("T2")).toBeUndefined();

    const revoked = (tokens: Record<string, string[]>) =>
      postSigned(h.url, eventCallbackBody({ type: "tokens_revoked", tokens }, undefined, "T2"), JSON_TYPE);
    expect((await revoked({ oauth: ["UINSTALLER"] })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(installed()).toBe(1);

    expect((await revoked({ bot: ["UBOT2"] })).status).toBe(200);
    await h.fake.waitFor(() => (installed() === 0 ? true : undefined));
    expect(await h.store.workspaces.pendingRemoval("T2")).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  });

  it("answers /healthz and refuses what it does not serve", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/slack/nothing`)).status).toBe(404);
  });
});
