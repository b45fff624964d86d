import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * The explorer's build. The site computes with boltzlab's own modules (src/construction, src/kinetic,
 * src/math, src/claims/theorem-1-1.ts, src/solvers/spectral): no formula is re-implemented in web/.
 * The layers it imports use no Node built-in (issue 10; test/package/browser-clean.test.ts holds
 * it), so no shim or alias is needed.
 */
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here("."),
  base: "./",
  publicDir: false,
  worker: { format: "es" },
  build: {
    outDir: here("../web-dist"),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2000,
  },
});
