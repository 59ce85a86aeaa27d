// One skeleton for every command: its usage text and option table, parsed once here (unknown
// flags refused, -h/--help prints the usage and exits 0), whole numbers checked by one
// validator, and every error the user must fix mapped to exit status 2 in main.ts.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../util/usage-error.js';

/** What every command is given besides its arguments. */
export interface CliEnvironment {
  /** The repository root (where package.json, specs/ and reference/ are). */
  root: string;
}

/** A command as main.ts runs it: resolves with the exit status. */
export type Command = (args: string[], env: CliEnvironment) => Promise<number>;

/** A table of options in node:util parseArgs's form. */
export type OptionTable = NonNullable<ParseArgsConfig['options']>;

/** The values parseArgs gives for a table. */
type Values<O extends OptionTable> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>['values'];

/** One parsed argument, in order: an option with its value, or a positional. */
export interface ArgToken {
  kind: string;
  name?: string;
  value?: string | undefined;
}

/** What `run` is handed. */
export interface CommandInput<O extends OptionTable> {
  values: Values<O>;
  positionals: string[];
  /** The parsed tokens in order (for options whose order matters, e.g. --format then --output). */
  tokens: ArgToken[];
  env: CliEnvironment;
  // Function-valued fields, not methods: commands destructure them (no `this` to lose).
  /** A UsageError whose message is followed by the command's usage text. */
  usageError: (message: string) => UsageError;
  /** A whole number of at least `least` (default 1) from a flag's text, or undefined when not given. */
  wholeNumber: (value: string | undefined, flag: string, least?: number) => number | undefined;
}

export interface CommandDefinition<O extends OptionTable> {
  /** The --help text; also appended to every usage error. */
  usage: string;
  /** The command's options (-h/--help is added). */
  options: O;
  /** How many positionals the command takes (default any). */
  positionals?: { min?: number; max?: number };
  /**
   * Options come before the first positional, and everything from it on is handed over as
   * positionals untouched (for a command that runs a program with its own arguments).
   */
  optionsFirst?: boolean;
  run: (input: CommandInput<O>) => Promise<number>;
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** The index of the first positional argument, skipping options and the values they take. */
function firstPositional(args: readonly string[], options: OptionTable): number {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return i + 1;
    if (!arg.startsWith('-') || arg === '-') return i;
    const long = arg.startsWith('--') ? arg.slice(2) : undefined;
    const config = long !== undefined ? options[long] : Object.values(options).find((o) => o.short === arg.slice(1));
    if (config?.type === 'string' && !arg.includes('=')) i++;
  }
  return args.length;
}

/** A whole number of at least `least` from a flag's text; a UsageError (with `usage`) otherwise. */
export function wholeNumber(value: string | undefined, flag: string, least: number, usage: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < least) {
    throw new UsageError(`${flag} takes a whole number of at least ${least}, not "${value}".\n\n${usage}`);
  }
  return Number(value);
}

/** A command from its usage, its option table and what it does. */
export function defineCommand<O extends OptionTable>(definition: CommandDefinition<O>): Command {
  const { usage } = definition;
  const options: O & typeof HELP = { ...definition.options, ...HELP };
  return async (args, env) => {
    const split = definition.optionsFirst === true ? firstPositional(args, options) : args.length;
    let parsed;
    try {
      parsed = parseArgs({ args: args.slice(0, split), options, allowPositionals: true, strict: true, tokens: true });
    } catch (error) {
      throw new UsageError(`${(error as Error).message}\n\n${usage}`);
    }
    if ((parsed.values as { help?: boolean }).help === true) {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    const positionals = [...parsed.positionals, ...args.slice(split)];
    const { min = 0, max = Infinity } = definition.positionals ?? {};
    if (positionals.length < min || positionals.length > max) throw new UsageError(usage);
    return definition.run({
      values: parsed.values,
      positionals,
      tokens: parsed.tokens,
      env,
      usageError: (message) => new UsageError(`${message}\n\n${usage}`),
      wholeNumber: (value, flag, least = 1) => wholeNumber(value, flag, least, usage),
    });
  };
}
