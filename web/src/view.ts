import type { ViewState } from "./state.ts";

/** A view: its section element and a redraw for a new state (`changed` lists the keys that moved). */
export interface View {
  readonly root: HTMLElement;
  update(st: ViewState, changed: ReadonlySet<keyof ViewState>): void;
  /** Stop animations and jobs when the view is hidden. */
  hide?(): void;
}

export interface ViewContext {
  /** Merge a partial state (validated; the URL follows). */
  set(p: Partial<ViewState>): void;
  /** Report a one-line message to the page (role="alert"). */
  message(text: string): void;
}
