#!/usr/bin/env node
/**
 * The `boltzlab` command. Thin: each subcommand in `commands/` parses and validates its options,
 * calls the library and prints. A {@link RuleError} (bad input) or a commander usage error prints one
 * line on stderr and exits with code 2; nothing is written.
 */
import { Command, CommanderError } from "commander";
import { RuleError } from "../math/errors.ts";
import { packageVersion } from "../report/package-version.ts";

const program = new Command();
program
  .name("boltzlab")
  .description(
    "The hard-sphere Boltzmann equation and the Chen–Shen–Zhang ill-posedness construction",
  )
  .version(packageVersion(), "-V, --version", "print the boltzlab version and exit")
  .showHelpAfterError(false)
  .exitOverride();

type CommandModule = { register: (p: Command) => void };

/**
 * Subcommand modules, loaded lazily: only the module of the command being run is imported (the
 * spectral solver behind `relax`, for instance, is not loaded for `lattice`), none for `--version`.
 * With no command, an unknown one or `help`, every module is loaded so that the help lists them all.
 * Add new commands to this table.
 */
const COMMANDS: Readonly<Record<string, () => Promise<CommandModule>>> = {
  collide: () => import("./commands/collide.ts"),
  lattice: () => import("./commands/lattice.ts"),
  eval: () => import("./commands/eval.ts"),
  claims: () => import("./commands/claims.ts"),
  theorem: () => import("./commands/theorem.ts"),
  report: () => import("./commands/report.ts"),
  figures: () => import("./commands/figures.ts"),
  relax: () => import("./commands/relax.ts"),
  errors: () => import("./commands/errors.ts"),
  bootstrap: () => import("./commands/bootstrap.ts"),
  explore: () => import("./commands/explore.ts"),
  particles: () => import("./commands/particles.ts"),
  transport: () => import("./commands/transport.ts"),
  threshold: () => import("./commands/threshold.ts"),
  design: () => import("./commands/design.ts"),
  exact: () => import("./commands/exact.ts"),
};

const args = process.argv.slice(2);
const requested = args.find((a) => !a.startsWith("-"));
const versionOnly = requested === undefined && (args.includes("--version") || args.includes("-V"));
const names = versionOnly
  ? []
  : requested !== undefined && requested in COMMANDS
    ? [requested]
    : Object.keys(COMMANDS);
const modules = await Promise.all(names.map((n) => COMMANDS[n]()));
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
