// subprocess-run: the slide's subprocess.run(['ls', '..']) and subprocess.run(..., shell=True).
// Run it:   npm run exercise -- subprocess-run list ls -l ..
//           npm run exercise -- subprocess-run shell 'echo $HOME'
// Grade it: npm run grade -- subprocess-run

// The arguments are a command line, so this program reads process.argv itself (no parseArgs).
const [mode, ...rest] = process.argv.slice(2);

// TODO 1: "list <program> [args...]": run the program directly, no shell.
// TODO 2: "shell <command line>": run the command line through the shell.
// TODO 3: either way let its output through, then print "Exit status: <n>"
//         (or "Killed by signal: <NAME>").
// TODO 4: a program that cannot be started: "Failed to start: <program> (<error code>)" on
//         standard error, exit status 127.

console.error('subprocess-run: not implemented yet (see the TODOs in assignments/subprocess-run/solution.ts)');
process.exitCode = 1;
