import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

test("fft-simd-wasm: the committed module is what wasm/fft-simd.ts compiles to (npm run build:wasm)", () => {
  // plain node (no tsx loader: it would transform the compiler's large bundle), from any directory
  const script = fileURLToPath(new URL("../../wasm/build.mjs", import.meta.url));
  const res = spawnSync(process.execPath, [script, "--stdout"], {
    encoding: "utf8",
    cwd: "/",
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  assert.equal(res.status, 0, res.stderr);
  const committed = readFileSync(
    new URL("../../src/math/fft-simd-wasm.ts", import.meta.url),
    "utf8",
  );
  assert.equal(
    committed,
    res.stdout,
    "src/math/fft-simd-wasm.ts is stale: run `npm run build:wasm` and commit it",
  );
  // it carries a SIMD module: magic number, and the SIMD opcode prefix 0xfd
  const b64 =
    committed
      .match(/"([A-Za-z0-9+/=]+)",/g)
      ?.map((l) => l.slice(1, -2))
      .join("") ?? "";
  const bytes = new Uint8Array(Buffer.from(b64, "base64"));
  assert.deepEqual([...bytes.subarray(0, 4)], [0, 0x61, 0x73, 0x6d]);
  assert.ok(bytes.includes(0xfd));
});
