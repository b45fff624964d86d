import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { svgToPng } from "./png.ts";

/** Paths of one written figure. */
export interface FigureFiles {
  readonly svg: string;
  readonly png: string;
}

/** Write `name.svg` and `name.png` (rendered by {@link svgToPng}) into `dir`, which must exist. */
export async function writeFigure(dir: string, name: string, svg: string): Promise<FigureFiles> {
  const files = { svg: join(dir, `${name}.svg`), png: join(dir, `${name}.png`) };
  await writeFile(files.svg, svg, "utf8");
  await writeFile(files.png, svgToPng(svg));
  return files;
}
