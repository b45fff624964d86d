import { readFileSync } from "node:fs";

/**
 * The package's version, read at run time from package.json two folders up: this file is
 * src/report/package-version.ts under tsx and dist/report/package-version.js when compiled, both
 * two levels below the package root. Used by `boltzlab --version` and in every report's run info.
 */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version?: string;
  };
  return pkg.version ?? "unknown";
}
