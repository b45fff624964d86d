/**
 * `boltzlab explore [--port 8080] [--host 127.0.0.1] [--no-open] [--rebuild]`: serve the browser
 * explorer (web/, built by Vite into web-dist/; built first when missing or older than its sources)
 * with a small static server. The report that `boltzlab report` / `npm start` wrote into ./report
 * is served at /report/, where the Claims view finds report.json.
 */
import { spawn } from "node:child_process";
import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { RuleError } from "../../math/errors.ts";

const REPO = resolve(fileURLToPath(new URL("../../..", import.meta.url)));
/** Where `npm run build:web` writes the site (git-ignored). */
export const WEB_DIST = join(REPO, "web-dist");
const WEB_SRC = join(REPO, "web");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".md": "text/markdown; charset=utf-8",
  ".map": "application/json",
};

/** A TCP port: an integer in 1..65535 (0 = any free port, for tests). */
export function parsePort(raw: string): number {
  const s = raw.trim();
  const p = Number(s);
  if (!/^\d+$/.test(s) || !Number.isInteger(p) || p < 0 || p > 65535) {
    throw new RuleError("port must be an integer in 0..65535", `got "${raw}"`);
  }
  return p;
}

function newestMtime(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, name.name);
    t = Math.max(t, name.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** True when web-dist/ is missing or older than web/ or src/ (the library the site bundles). */
export function siteIsStale(): boolean {
  const index = join(WEB_DIST, "index.html");
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return newestMtime(WEB_SRC) > built || newestMtime(join(REPO, "src")) > built;
}

/** Build the site with Vite (a devDependency; the same as `npm run build:web`). */
export async function buildSite(): Promise<void> {
  let vite: typeof import("vite");
  try {
    vite = await import("vite");
  } catch {
    throw new RuleError("building the explorer needs vite (npm install, then npm run build:web)");
  }
  await vite.build({ configFile: join(WEB_SRC, "vite.config.ts"), logLevel: "warn" });
}

/** Resolve a URL path inside `root`, or null when it escapes it or does not exist. */
function fileIn(root: string, urlPath: string): string | null {
  const rel = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, "");
  const p = resolve(root, rel);
  if (p !== root && !p.startsWith(root + sep)) return null;
  if (!existsSync(p)) return null;
  const st = statSync(p);
  if (st.isDirectory()) {
    const index = join(p, "index.html");
    return existsSync(index) ? index : null;
  }
  return p;
}

export interface ServeOptions {
  port: number;
  host: string;
  /** The built site (default web-dist/). */
  site?: string;
  /** A folder served at /report/ (default ./report of the working directory). */
  reportDir?: string;
}

/** Start the static server; resolves once it listens (a busy port is a RuleError). */
export function serveExplorer(o: ServeOptions): Promise<Server> {
  const site = resolve(o.site ?? WEB_DIST);
  const reportDir = resolve(o.reportDir ?? "report");
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let file: string | null = null;
    try {
      file = url.pathname.startsWith("/report/")
        ? fileIn(reportDir, url.pathname.slice("/report/".length))
        : fileIn(site, url.pathname);
    } catch {
      file = null;
    }
    if (!file || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("not found\n");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-cache",
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once("error", (err: NodeJS.ErrnoException) => {
      fail(
        err.code === "EADDRINUSE" || err.code === "EACCES" || err.code === "EADDRNOTAVAIL"
          ? new RuleError(
              `port must be free and allowed on host ${o.host}`,
              `${err.code} on ${o.port}`,
            )
          : err,
      );
    });
    server.listen(o.port, o.host, () => ok(server));
  });
}

function openBrowser(url: string): void {
  const cmd =
    process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  try {
    const child = spawn(cmd, [url], { detached: true, stdio: "ignore" });
    child.on("error", () =>
      process.stderr.write(`explore: could not open a browser; visit ${url}\n`),
    );
    child.unref();
  } catch {
    process.stderr.write(`explore: could not open a browser; visit ${url}\n`);
  }
}

export function register(program: Command): void {
  program
    .command("explore")
    .description("serve the browser explorer (builds web/ first if needed)")
    .option("--port <n>", "TCP port", "8080")
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .option("--no-open", "do not open a browser")
    .option("--rebuild", "build the site even if web-dist/ is current")
    .action(async (o: { port: string; host: string; open: boolean; rebuild?: boolean }) => {
      const port = parsePort(o.port);
      const host = o.host.trim();
      if (host === "") throw new RuleError("host must be a non-empty address");
      if (o.rebuild || siteIsStale()) {
        process.stderr.write("explore: building the site (vite) …\n");
        await buildSite();
      }
      const server = await serveExplorer({ port, host });
      const addr = server.address();
      const actual = typeof addr === "object" && addr ? addr.port : port;
      const url = `http://${host.includes(":") ? `[${host}]` : host}:${actual}/`;
      process.stdout.write(
        `boltzlab explorer at ${url} (site ${WEB_DIST}; report from ${resolve("report")}); Ctrl-C stops\n`,
      );
      if (o.open) openBrowser(url);
    });
}
