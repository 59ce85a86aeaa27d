// fork-exec — see README.md. Run by hand: npm run exercise -- fork-exec
// The program to start is child.ts in this folder; it is built to child.js beside this file,
// so its path is fileURLToPath(new URL('./child.js', import.meta.url)).

// TODO: read standard input line by line (`for await (const line of rl)` over node:readline).
// TODO: for each line other than `q`: add 1 to a parameter (1, 2, ...), start `node child.js <parameter>`
//       as a new process, and print `Child is <its pid>`.
// TODO: on `q` or end of input, stop reading and let go of standard input, so that the process ends
//       even while standard input stays open.
console.error('fork-exec: not implemented yet (see assignments/fork-exec/README.md)');
process.exitCode = 1;
