// `processes`: the processes the program claims to have started really ran (needs `observe`):
// printed pids belong to processes of the program seen while it ran, with the expected command.

import type { CheckContext, CheckKind, CheckOutcome, ConfigOf, KindSchema } from './types.js';
import type { ObservedProcess, ProgramRun } from '../run/types.js';
import { plural, quote } from './display.js';
import { graderDoubt, starvedObserver } from './doubt.js';
import { lineLabel, streamLines, streamSchema, CheckConfigError } from './streams.js';
import { isBindingPlaceholder, matchLine, NO_BINDINGS, parseTemplate, templateEnvironment } from './template.js';

/** The observed processes of a run, or a config error saying that the test must observe. */
export function observedProcesses(run: ProgramRun, kind: string): ObservedProcess[] {
  if (run.processes === undefined) throw new CheckConfigError(`a ${kind} check needs \`observe: true\` in its test`);
  return run.processes;
}

const schema = {
  properties: {
    stream: streamSchema,
    printedPids: {
      type: 'array',
      items: { type: 'string' },
      description:
        'Line templates; every value of a named {pid:NAME} placeholder in a line that matches must be a process the program started (a descendant seen while it ran, not itself).',
    },
    command: { type: 'string', description: 'Text that the command line of every printed pid\u2019s process must contain (literally).' },
    program: {
      type: 'string',
      description:
        'A program of the solution\u2019s folder, by its name without extension (child): every printed pid\u2019s process must run its file in the solution\u2019s language (child.js for TypeScript, child.py for Python).',
    },
    descendants: {
      type: 'object',
      properties: { min: { type: 'integer', minimum: 0 }, max: { type: 'integer', minimum: 0 } },
      additionalProperties: false,
      description: 'How many processes besides the main one must have been seen.',
    },
  },
} as const satisfies KindSchema;

/** Configuration of a `processes` check: what its schema accepts. */
export type ProcessesConfig = ConfigOf<typeof schema>;

/** Passes when the printed pids were real descendants of the program (and the counts and commands fit). */
export const processesCheck: CheckKind<typeof schema> = {
  name: 'processes',
  description:
    "The program's processes as the grader saw them while it ran (the test needs observe: true): printed pids are real child processes of the program, running the expected command, and as many as expected.",
  schema,
  needs: { observation: true },
  promisesGraded: () => [{ promise: 'child process' }],
  run(config, { run, language }): CheckOutcome {
    const expected = expectedCommand(config, language);
    const processes = observedProcesses(run, 'processes');
    const main = run.mainPid;
    const descendants = processes.filter((p) => p.pid !== main);
    const byPid = new Map(descendants.map((p) => [p.pid, p]));
    const stream = config.stream ?? 'stdout';
    const environment = templateEnvironment(run);
    const templates = (config.printedPids ?? []).map(parseTemplate);
    const printed = new Set<number>();
    // The grader's first doubt about its own observation; a sure failure found later still wins.
    let doubt: string | undefined;
    for (const [index, line] of streamLines(run, stream).entries()) {
      for (const template of templates) {
        const match = matchLine(template, line, NO_BINDINGS, environment, { line: index, template: 0 });
        if (!match.matched) continue;
        for (const { placeholder, value } of match.captures) {
          if (!isBindingPlaceholder(placeholder) || placeholder.type !== 'pid') continue;
          const pid = Number(value);
          const where = `${lineLabel(run, stream, index).toLowerCase()} ${quote(line)}`;
          if (pid === main) {
            return { passed: false, message: `Your program printed its own pid ${pid} (${where}) where a child process's pid should be.` };
          }
          const process = byPid.get(pid);
          if (process === undefined) {
            const starved = starvedObserver(run);
            if (starved !== undefined) {
              doubt ??= `${starved} (pid ${pid}, printed on ${where}, was not seen)`;
              continue;
            }
            return {
              passed: false,
              message: `Your program printed the pid ${pid} (${where}), but ${pid} was not a process of your program: no such process ran while it did. Start a real child process; do not make up pids.`,
              hint: `Start the child as a real process${language === undefined ? '' : ` with ${language.words.childProcess}`}.`,
            };
          }
          if (expected !== undefined && !process.command.includes(expected)) {
            if (process.commandBeforeExecOnly === true) {
              doubt ??= `the grader saw process ${pid} (${where}) only as it was starting, before it had loaded its program (it still showed its parent's command line), so it could not tell which program it ran`;
              continue;
            }
            return {
              passed: false,
              message: `Process ${pid} (${where}) ran ${quote(shortCommand(process.command))}, not ${expected}.`,
              hint: `Start the child with the program ${expected}${language === undefined || config.program === undefined ? '' : ` (${language.words.startSibling(expected)})`}, not with your own program.`,
            };
          }
          printed.add(pid);
        }
      }
    }
    const { min, max } = config.descendants ?? {};
    if (min !== undefined && descendants.length < min) {
      const starved = starvedObserver(run);
      if (starved !== undefined) return graderDoubt(doubt ?? starved);
      return {
        passed: false,
        message: `Only ${plural(descendants.length, 'child process')} of your program ${descendants.length === 1 ? 'was' : 'were'} seen while it ran; at least ${min} were expected.`,
        hint: `Start each child as its own process${language === undefined ? '' : ` (${language.words.childProcess})`}; a function, a thread or a timer is not a process.`,
      };
    }
    if (max !== undefined && descendants.length > max) {
      return { passed: false, message: `Your program started ${plural(descendants.length, 'child process')}; at most ${max} were expected.` };
    }
    if (doubt !== undefined) return graderDoubt(doubt);
    const what =
      printed.size > 0 ? `the ${plural(printed.size, 'printed pid')} were real child processes` : `${plural(descendants.length, 'child process')} ran`;
    return { passed: true, message: `As expected, ${what}.` };
  },
};

/** The text the printed pids' command lines must hold: `command` as is, or `program`'s file in the run's language. */
function expectedCommand(config: ProcessesConfig, language: CheckContext['language']): string | undefined {
  if (config.program !== undefined) return language?.runFile(config.program) ?? config.program;
  return config.command;
}

/** A command line without the sandbox's directories: `node /program/child.js 1` → `node child.js 1`. */
function shortCommand(command: string): string {
  return command
    .split(' ')
    .map((word) => (word.startsWith('/') ? word.slice(word.lastIndexOf('/') + 1) : word))
    .join(' ');
}
