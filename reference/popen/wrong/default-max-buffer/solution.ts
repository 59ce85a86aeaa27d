// popen: the slide's os.popen(cmd).read() / .readlines(), and os.popen(cmd, 'w').write(text).
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: { write: { type: 'string' } },
  allowPositionals: true,
});
const command = positionals[0];

if (command === undefined) {
  console.error('usage: popen [--write TEXT] <command line>');
  process.exitCode = 2;
} else if (values.write !== undefined) {
  // popen(cmd, 'w'): we feed its standard input; its output goes straight through.
  spawnSync(command, { shell: true, input: values.write, stdio: ['pipe', 'inherit', 'inherit'] });
} else {
  // popen(cmd).read(): capture its standard output, stderr goes straight through.
  const result = spawnSync(command, {
    shell: true,
    encoding: 'utf8',
    // BUG: no maxBuffer: past the default 1 MiB the output is cut off (error ENOBUFS, not looked at)
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  const output = result.stdout ?? '';
  process.stdout.write(output);
  if (output !== '' && !output.endsWith('\n')) process.stdout.write('\n'); // Lines: on a line of its own

  // readlines(): split after every '\n', each line keeps it; nothing else ('\r' included) splits.
  const lines = output === '' ? [] : output.split(/(?<=\n)/);
  console.log(`Lines: ${JSON.stringify(lines)}`);
}
