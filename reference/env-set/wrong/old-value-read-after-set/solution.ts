// env-set: the slide's os.environ['USER'] = 'thing', and a child process that inherits it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    name: { type: 'string', default: 'USER' },
    value: { type: 'string', default: 'thing' },
    child: { type: 'boolean', default: false }, // role argument: run as the child
  },
});
const { name, value } = values;

if (values.child) {
  // The child: print the variable as it finds it in its own environment.
  console.log(process.env[name] ?? '(unset)');
} else {
  process.env[name] = value; // like os.environ[...] = ...: it is also what children inherit
  console.log(`Old value: ${process.env[name] ?? '(unset)'}`); // BUG: read after the change
  console.log(`New value: ${process.env[name]}`);

  // No fork() in Node: start this same program again, as the child (env defaults to process.env).
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', '--name', name], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.error || child.status !== 0) {
    console.error(`env-set: the child failed: ${child.error?.message ?? `status ${child.status}`}`);
    process.exitCode = 1;
  } else {
    console.log(`Child sees: ${child.stdout.replace(/\n$/, '')}`);
  }
}
