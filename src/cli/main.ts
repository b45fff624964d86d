#!/usr/bin/env node
/**
 * The `boltzlab` command. Thin: each subcommand in `commands/` parses and validates its options,
 * calls the library and prints. A {@link RuleError} (bad input) or a commander usage error prints one
 * line on stderr and exits with code 2; nothing is written.
 */
import { Command, CommanderError } from "commander";
import { RuleError } from "../math/errors.ts";
import * as claims from "./commands/claims.ts";
import * as collide from "./commands/collide.ts";
import * as evalCommand from "./commands/eval.ts";
import * as figures from "./commands/figures.ts";
import * as lattice from "./commands/lattice.ts";
import * as relaxCommand from "./commands/relax.ts";
import * as report from "./commands/report.ts";
import * as theorem from "./commands/theorem.ts";

const program = new Command();
program
  .name("boltzlab")
  .description(
    "The hard-sphere Boltzmann equation and the Chen–Shen–Zhang ill-posedness construction",
  )
  .showHelpAfterError(false)
  .exitOverride();

// Each command module exports `register(program)`. Add new commands to this list.
const modules: { register: (p: Command) => void }[] = [
  collide,
  lattice,
  evalCommand,
  claims,
  theorem,
  report,
  figures,
  relaxCommand,
];

for (const m of modules) m.register(program);

function fail(message: string): never {
  process.stderr.write(`boltzlab: error: ${message.split("\n")[0]}\n`);
  process.exit(2);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof RuleError) fail(err.message);
  if (err instanceof CommanderError) {
    if (
      err.code === "commander.helpDisplayed" ||
      err.code === "commander.version" ||
      err.code === "commander.help"
    ) {
      process.exit(0);
    }
    // commander already printed its message to stderr
    process.exit(2);
  }
  throw err;
}
