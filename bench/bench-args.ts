/**
 * Command-line arguments of the bench scripts: options are taken out of the list as they are read,
 * so what remains are the positional arguments.
 */

/** The value after `name` (removing both from `argv`), or undefined when `name` is absent. */
export function takeOption(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv.splice(i, 2)[1] : undefined;
}

/** Whether the switch `name` is present (removing it from `argv`). */
export function takeSwitch(argv: string[], name: string): boolean {
  const i = argv.indexOf(name);
  if (i >= 0) argv.splice(i, 1);
  return i >= 0;
}
