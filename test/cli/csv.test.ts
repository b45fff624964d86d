import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { csvCell, formatCsv, parseCsvPath, writeCsv } from "../../src/cli/csv.ts";
import { RuleError } from "../../src/math/errors.ts";
import { readCsv } from "./run-cli.ts";

/** The shared CSV writer of the CLI (src/cli/csv.ts). */

const tmp = mkdtempSync(join(tmpdir(), "boltzlab-csv-unit-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

test("cells: full precision numbers, RFC 4180 quoting, empty for missing, lists joined by ;", () => {
  const x = 0.1 + 0.2;
  assert.equal(Number(csvCell(x)), x);
  assert.equal(Number(csvCell(1e-300 / 3)), 1e-300 / 3);
  assert.equal(csvCell(undefined), "");
  assert.equal(csvCell(null), "");
  assert.equal(csvCell(true), "true");
  assert.equal(csvCell([4, 8, 16]), "4;8;16");
  assert.equal(csvCell("Q+(fb,fr)"), '"Q+(fb,fr)"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell("a\nb"), '"a\nb"');
});

test("a table round-trips through an independent RFC 4180 reader", () => {
  const file = join(tmp, "t.csv");
  const rows = [
    { name: "a,b", value: Math.PI, error: 1e-17, note: 'q "x"' },
    { name: "c", value: -0, error: undefined, note: "line\nbreak" },
  ];
  writeCsv(file, { columns: ["name", "value", "error", "note"], rows });
  const { header, rows: back } = readCsv(file);
  assert.deepEqual(header, ["name", "value", "error", "note"]);
  assert.deepEqual(back[0], ["a,b", String(Math.PI), "1e-17", 'q "x"']);
  assert.deepEqual(back[1], ["c", "0", "", "line\nbreak"]);
  assert.equal(Number(back[0][1]), Math.PI);
  assert.deepEqual(
    readdirSync(tmp).filter((f) => f.includes(".tmp-")),
    [],
    "no temporary file left",
  );
  assert.equal(formatCsv({ columns: ["a"], rows: [] }), "a\n");
});

test("--csv path: refused when empty, in a missing directory or a directory; an existing file is replaced", () => {
  assert.equal(parseCsvPath(undefined), undefined);
  for (const bad of ["", join(tmp, "missing", "x.csv"), tmp]) {
    assert.throws(
      () => parseCsvPath(bad),
      (e: unknown) =>
        e instanceof RuleError && /--csv must be a file path/.test((e as Error).message),
    );
  }
  const file = join(tmp, "old.csv");
  writeFileSync(file, "old\n");
  assert.equal(parseCsvPath(file), file);
  writeCsv(file, { columns: ["x"], rows: [{ x: 1 }] });
  assert.deepEqual(readCsv(file).rows, [["1"]]);
  assert.ok(existsSync(file));
});
