import { type ChildProcess, spawn } from "node:child_process";
import { ROOT } from "./spawn.js";

export interface BotProcess {
  child: ChildProcess;
  /** The HTTP port it listens on (0 in Socket Mode). */
  port: number;
  /** Everything it printed (stdout and stderr), as it prints it. */
  output(): string;
  alive(): boolean;
  stop(): Promise<number | null>;
}

/** Runs the bot as `npm start` does (dist/main.js) with only the given environment, until it listens or connects. */
export function startBot(env: Record<string, string>, timeoutMs = 15_000): Promise<BotProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["dist/main.js"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: "0", ...env },
    });
    let out = "";
    let exited = false;
    const exit = new Promise<number | null>((r) =>
      child.on("exit", (code) => {
        exited = true;
        r(code);
      }),
    );
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the bot did not start:\n${out}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      out += d;
      const m = /listening on port (\d+)|connected to Slack \(Socket Mode\)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          child,
          port: Number(m[1] ?? 0),
          output: () => out,
          alive: () => !exited,
          stop: async () => {
            if (!exited) child.kill("SIGTERM");
            return exit;
          },
        });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`the bot exited before listening:\n${out}`));
    });
  });
}
