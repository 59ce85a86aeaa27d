// How the GitHub Actions runner reads workflow commands from a log line (actions/runner
// ActionCommand.TryParseV2 and the legacy TryParse), to check what our output would raise.

export interface ParsedCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
}

const COMMANDS = new Set([
  'error',
  'warning',
  'notice',
  'debug',
  'add-mask',
  'stop-commands',
  'set-output',
  'set-env',
  'add-path',
  'group',
  'endgroup',
  'echo',
  'save-state',
  'add-matcher',
  'remove-matcher',
]);

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

/** The command the runner would read from one line, or undefined. */
export function parseCommandLine(line: string): ParsedCommand | undefined {
  const trimmed = line.trimStart();
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2);
    if (end >= 0) {
      const info = trimmed.slice(2, end);
      const space = info.indexOf(' ');
      const command = space < 0 ? info : info.slice(0, space);
      if (COMMANDS.has(command)) {
        const properties: Record<string, string> = {};
        if (space >= 0) {
          for (const pair of info.slice(space + 1).split(',')) {
            const eq = pair.indexOf('=');
            if (eq > 0) properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
          }
        }
        return { command, properties, data: unescapeData(trimmed.slice(end + 2)) };
      }
    }
  }
  const prefix = line.indexOf('##[');
  if (prefix < 0) return undefined;
  const bracket = line.indexOf(']', prefix);
  if (bracket < 0) return undefined;
  const info = line.slice(prefix + 3, bracket);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  return COMMANDS.has(command) ? { command, properties: {}, data: line.slice(bracket + 1) } : undefined;
}

/** Every command the runner would read from a log. */
export function commandsIn(log: string): ParsedCommand[] {
  return log.split(/\r?\n|\r/).flatMap((line) => parseCommandLine(line) ?? []);
}
