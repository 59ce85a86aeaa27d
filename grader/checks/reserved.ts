// Reserved placeholder names: `{date:today}`, `{ts:now}`, `{pid:main}`, `{pid:descendant}`,
// `{path:cwd}` and `{path:scriptDir}` compare a value with what the grader knows of the run itself
// (its clock, its time zone, its pids, where it started the program and where it put it) instead
// of binding it.

import type { ProgramRun } from '../run/types.js';

/** The reserved placeholder names, as `type:name`. */
export type ReservedName = 'date:today' | 'ts:now' | 'pid:main' | 'pid:descendant' | 'path:cwd' | 'path:scriptDir';

const RESERVED_NAMES: ReadonlySet<string> = new Set<ReservedName>(['date:today', 'ts:now', 'pid:main', 'pid:descendant', 'path:cwd', 'path:scriptDir']);

/** Default tolerance of `{ts:now}`, in seconds. */
export const DEFAULT_TS_TOLERANCE_S = 5;

/** Whether `type:name` is a reserved placeholder name. */
export function isReservedName(typeAndName: string): typeAndName is ReservedName {
  return RESERVED_NAMES.has(typeAndName);
}

/** What reserved placeholders are compared with: facts of one run. */
export interface TemplateEnvironment {
  /** The time zone the program ran under (its TZ, else the grader's own zone). */
  timeZone: string;
  /** The local dates (YYYY-MM-DD) at the start and at the end of the run. */
  localDates: readonly string[];
  /** The UTC dates at the start and at the end of the run (to recognise a UTC mistake). */
  utcDates: readonly string[];
  /** The run's start and end, Unix seconds. */
  startS: number;
  endS: number;
  toleranceS: number;
  mainPid?: number;
  /** Pids (as the program sees them) of the processes observed below the main one (tests with `observe`). */
  descendantPids?: readonly number[];
  /** The directory the program was started in, and the directory of its program file, as it sees them. */
  cwd?: string;
  scriptDir?: string;
}

/** The zone a program with this environment runs under: its TZ if valid, else the grader's own zone. */
export function timeZoneOf(env: Readonly<Record<string, string>>): string {
  const tz = env.TZ?.replace(/^:/, '');
  if (tz === undefined) return Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (tz === '') return 'UTC'; // an empty TZ means UTC to the C library and to Node
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: tz });
    return tz;
  } catch {
    return 'UTC'; // Node itself falls back to UTC for a zone it does not know.
  }
}

/** The date (YYYY-MM-DD) at epoch milliseconds `ms` in `timeZone`. */
export function dateIn(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

/** The environment reserved placeholders are checked against, for one run. */
export function templateEnvironment(run: ProgramRun, tsToleranceS: number = DEFAULT_TS_TOLERANCE_S): TemplateEnvironment {
  const timeZone = timeZoneOf(run.env);
  const environment: TemplateEnvironment = {
    timeZone,
    localDates: [...new Set([dateIn(run.startedAt, timeZone), dateIn(run.endedAt, timeZone)])],
    utcDates: [...new Set([dateIn(run.startedAt, 'UTC'), dateIn(run.endedAt, 'UTC')])],
    startS: run.startedAt / 1000,
    endS: run.endedAt / 1000,
    toleranceS: tsToleranceS,
  };
  if (run.mainPid !== undefined) environment.mainPid = run.mainPid;
  if (run.processes !== undefined) environment.descendantPids = run.processes.map((p) => p.pid).filter((pid) => pid !== run.mainPid);
  if (run.cwd !== undefined) environment.cwd = run.cwd;
  if (run.programDir !== undefined) environment.scriptDir = run.programDir;
  return environment;
}

/** Why `value` is not right for a reserved placeholder, or undefined if it is. */
export function checkReserved(name: ReservedName, value: string, environment: TemplateEnvironment): string | undefined {
  switch (name) {
    case 'date:today':
      return checkToday(value, environment);
    case 'ts:now':
      return checkNow(Number(value), environment);
    case 'pid:main':
      if (environment.mainPid === undefined || Number(value) === environment.mainPid) return undefined;
      return `that should be your program's own pid, process.pid (${environment.mainPid})`;
    case 'pid:descendant':
      return checkDescendant(Number(value), environment);
    case 'path:cwd':
      return checkDirectory(value, environment.cwd, environment, 'the directory your program was started in, process.cwd()');
    case 'path:scriptDir':
      return checkDirectory(value, environment.scriptDir, environment, 'the directory of your program file, from import.meta.url');
  }
}

function checkDescendant(pid: number, environment: TemplateEnvironment): string | undefined {
  const { descendantPids, mainPid } = environment;
  if (descendantPids === undefined) throw new Error('{pid:descendant} needs `observe: true` in the test (the grader must watch the processes)');
  if (descendantPids.includes(pid)) return undefined;
  if (pid === mainPid) return `${pid} is your program's own pid (process.pid); it should be the pid of the child process you started`;
  return `no process ${pid} of your program ran (its child processes had ${descendantPids.length === 0 ? 'none: no child process was seen' : descendantPids.join(', ')}); print the pid of a child process you really started`;
}

/** A directory path without a trailing slash (the root stays "/"). */
function withoutTrailingSlash(directory: string): string {
  return directory.length > 1 ? directory.replace(/\/+$/, '') : directory;
}

function checkDirectory(value: string, expected: string | undefined, environment: TemplateEnvironment, what: string): string | undefined {
  if (expected === undefined) return undefined;
  if (withoutTrailingSlash(value) === withoutTrailingSlash(expected)) return undefined;
  const { cwd, scriptDir } = environment;
  if (value.startsWith('file:')) return `that is a URL; turn it into a path with fileURLToPath (here ${expected})`;
  if (!value.startsWith('/')) return `that should be an absolute path: ${what}, which here is ${expected}`;
  if (expected === scriptDir && cwd !== undefined && withoutTrailingSlash(value) === withoutTrailingSlash(cwd)) {
    return `that is the directory your program was started in (process.cwd()), not ${what} (here ${expected})`;
  }
  if (expected === cwd && scriptDir !== undefined && withoutTrailingSlash(value) === withoutTrailingSlash(scriptDir)) {
    return `that is the directory of your program file, not ${what} (here ${expected})`;
  }
  if (expected === scriptDir && value === `${scriptDir}/solution.js`) return `that is the program file itself; print its directory (dirname), ${expected}`;
  return `that should be ${what}, which here is ${expected}`;
}

function checkToday(value: string, environment: TemplateEnvironment): string | undefined {
  const { localDates, utcDates, timeZone } = environment;
  if (localDates.includes(value)) return undefined;
  const today = localDates[localDates.length - 1] ?? '';
  const zone = `TZ=${timeZone}`;
  if (utcDates.includes(value)) {
    return `you printed the UTC date; use the local date (getFullYear/getMonth/getDate), which honours TZ (under ${zone} today is ${today})`;
  }
  const [year, month, day] = today.split('-').map(Number);
  if (year !== undefined && month !== undefined && day !== undefined) {
    const pad = (n: number): string => String(n).padStart(2, '0');
    if (value === `${year}-${pad(month - 1)}-${pad(day)}`) return `the month is one short: getMonth() counts from 0, so add 1 (today is ${today})`;
    const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
    if (value === `${year}-${pad(month)}-${pad(weekday)}`) return `the day is the day of the week: use getDate(), not getDay() (today is ${today})`;
  }
  return `today's date under ${zone} is ${today}; print the current date, not a fixed one`;
}

function checkNow(seconds: number, environment: TemplateEnvironment): string | undefined {
  const { startS, endS, toleranceS } = environment;
  const within = (value: number): boolean => value >= startS - toleranceS && value <= endS + toleranceS;
  if (within(seconds)) return undefined;
  if (within(seconds / 1000)) return 'that looks like milliseconds; divide Date.now() by 1000';
  const offset = seconds < startS ? seconds - startS : seconds - endS;
  const hours = Math.round(offset / 1800) / 2;
  if (hours !== 0 && Math.abs(hours) <= 14 && Math.abs(offset - hours * 3600) <= toleranceS) {
    return `that is ${Math.abs(hours)} hour${Math.abs(hours) === 1 ? '' : 's'} ${offset < 0 ? 'behind' : 'ahead of'} the time your program ran: a Unix time is the same in every time zone, so do not add a zone offset`;
  }
  const distance = Math.abs(offset);
  const howFar = distance >= 86_400 ? `${Math.round(distance / 86_400)} days` : `${Math.round(distance)} seconds`;
  return `that is ${howFar} ${offset < 0 ? 'before' : 'after'} your program ran (at ${startS.toFixed(3)}); print the current time, Date.now() / 1000`;
}
