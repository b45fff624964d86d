import type { Cell } from "./table.ts";

/** One figure of the report: file name (without extension), caption and SVG. */
export interface ReportFigure {
  readonly name: string;
  readonly caption: string;
  readonly svg: string;
}

/** Inline text, or a link to an anchor of the report (or a relative file). */
export type Inline = string | { readonly text: string; readonly href: string };

/** A block of the report, rendered to Markdown (render-markdown.ts) and HTML (render-html.ts). */
export type Block =
  | {
      readonly kind: "heading";
      readonly level: 1 | 2 | 3;
      readonly text: string;
      readonly id?: string;
    }
  | {
      readonly kind: "paragraph";
      readonly text: string;
      readonly lead?: string;
      /** A link after the text (e.g. to the evidence). */
      readonly link?: { readonly text: string; readonly href: string };
    }
  | { readonly kind: "list"; readonly items: readonly (Inline | readonly Inline[])[] }
  | {
      readonly kind: "table";
      readonly header: readonly string[];
      readonly rows: readonly (readonly Cell[])[];
      readonly className?: string;
    }
  | { readonly kind: "figure"; readonly figure: ReportFigure }
  /** A table of contents: linked headings, on one line. */
  | {
      readonly kind: "contents";
      readonly entries: readonly { readonly text: string; readonly href: string }[];
    }
  /** A folded entry (HTML `<details>`; in Markdown a level-4 heading with an anchor). */
  | {
      readonly kind: "details";
      readonly id: string;
      readonly summary: string;
      readonly blocks: readonly Block[];
    };
