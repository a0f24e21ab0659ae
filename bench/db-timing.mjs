/**
 * Preloaded into the bot by `npm run bench -- replicas` (node --import), never by users: times
 * every PostgreSQL statement as the bot's code awaits it (pool wait included) and adds it to the
 * HTTP request that caused it, so that the benchmark can report database time per command. The
 * request's async context follows the reply sent after the acknowledgement. Written as JSON to
 * BENCH_DB_TIMING_FILE when the process exits.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { writeFileSync } from "node:fs";
import http from "node:http";
import pg from "pg";

const requests = new AsyncLocalStorage();
const records = [];

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, ...rest) {
  if (event !== "request" || req.method !== "POST") return emit.call(this, event, req, ...rest);
  const record = { ms: 0, statements: 0 };
  records.push(record);
  return requests.run(record, () => emit.call(this, event, req, ...rest));
};

function timed(query) {
  return function (...args) {
    const record = requests.getStore();
    // Callback calls come from pg itself (Pool#query checking a client out): not counted twice.
    if (!record || typeof args.at(-1) === "function") return query.apply(this, args);
    const started = performance.now();
    const done = () => {
      record.ms += performance.now() - started;
      record.statements += 1;
    };
    const result = query.apply(this, args);
    result.then(done, done);
    return result;
  };
}

pg.Pool.prototype.query = timed(pg.Pool.prototype.query);
const connect = pg.Pool.prototype.connect;
pg.Pool.prototype.connect = function (...args) {
  const record = requests.getStore();
  if (!record || args.length > 0) return connect.apply(this, args);
  const started = performance.now();
  return connect.apply(this, args).then((client) => {
    record.ms += performance.now() - started;
    // A transaction's statements run on the client it checked out.
    if (!client.postcoachTimed) {
      client.query = timed(client.query);
      client.postcoachTimed = true;
    }
    return client;
  });
};

process.on("exit", () => {
  if (process.env.BENCH_DB_TIMING_FILE)
    writeFileSync(process.env.BENCH_DB_TIMING_FILE, JSON.stringify(records));
});
