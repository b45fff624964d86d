import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * The explorer's build. The site computes with boltzlab's own modules (src/construction, src/kinetic,
 * src/math, src/claims/theorem-1-1.ts, src/solvers/spectral): no formula is re-implemented in web/.
 *
 * Issue 10 (lower layers free of Node built-ins) is not merged yet; until it is, three modules the
 * explorer needs import Node built-ins. The aliases below replace exactly those imports with browser
 * shims (web/src/shims/). Remove each alias once issue 10 has removed the import it stands for.
 */
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here("."),
  base: "./",
  publicDir: false,
  resolve: {
    alias: [
      // issue 10: src/math/fft3d.ts loads fft.js through createRequire from node:module
      { find: /^node:module$/, replacement: here("src/shims/node-module.ts") },
      // issue 10: src/solvers/spectral/initial-data.ts reads grid files with node:fs (not used here)
      { find: /^node:fs$/, replacement: here("src/shims/node-fs.ts") },
      // issue 10: src/claims/theorem-1-1.ts imports the piscina claim pool (the explorer runs its
      // own Web Workers and never calls theoremTableParallel)
      { find: /^\.\/claim-pool\.ts$/, replacement: here("src/shims/claim-pool.ts") },
    ],
  },
  worker: { format: "es" },
  build: {
    outDir: here("../web-dist"),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2000,
  },
});
