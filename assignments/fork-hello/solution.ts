// fork-hello — see README.md. Run by hand: npm run exercise -- fork-hello
import { parseArgs } from 'node:util';

// `--child` is this program's own role argument: the parent starts this same file again with it.
const { values } = parseArgs({ options: { child: { type: 'boolean', default: false } } });

if (values.child) {
  // TODO: the child process: print `Hello from child <its own pid>`.
} else {
  // TODO: read standard input line by line with the async iterator of node:readline
  //       (`for await (const line of rl)`), never rl.question().
  // TODO: for each line other than `q`, start a child process running this same file with `--child`
  //       (node:child_process spawn, process.execPath, fileURLToPath(import.meta.url)),
  //       and print `Hello from parent <your pid> <the child's pid>`.
  // TODO: on `q` or end of input, stop reading and let go of standard input so that the process ends
  //       even while standard input stays open.
  console.error('fork-hello: not implemented yet (see assignments/fork-hello/README.md)');
  process.exitCode = 1;
}
