/**
 * Browser stand-in for `node:module` (issue 10: remove once src/math/fft3d.ts imports fft.js
 * without createRequire). Only `createRequire(url)("fft.js")` is supported.
 */
import FFT from "fft.js";

export function createRequire(_url: string | URL): (id: string) => unknown {
  return (id: string) => {
    if (id === "fft.js") return FFT;
    throw new Error(`the explorer's node:module shim provides only fft.js, not ${id}`);
  };
}
