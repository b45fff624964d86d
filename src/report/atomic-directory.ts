import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";

/**
 * Create or replace the directory `dir` atomically: `fill` writes into a fresh hidden sibling
 * (`.<name>.tmp-XXXXXX`, same filesystem), which is renamed onto `dir` only when `fill` succeeds.
 * If `fill` throws, the sibling is removed and `dir` is left as it was (absent or the old one).
 */
export async function writeDirectoryAtomically(
  dir: string,
  fill: (tmpDir: string) => Promise<void>,
): Promise<void> {
  const target = resolve(dir);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const tmp = await mkdtemp(join(parent, `.${basename(target)}.tmp-`));
  await chmod(tmp, 0o755);
  try {
    await fill(tmp);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  const old = existsSync(target) ? `${tmp}-old` : null;
  if (old) await rename(target, old);
  try {
    await rename(tmp, target);
  } catch (err) {
    if (old) await rename(old, target);
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  if (old) await rm(old, { recursive: true, force: true });
}
