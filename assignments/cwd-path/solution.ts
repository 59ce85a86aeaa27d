// cwd-path: the slide's os.getcwd() and the directory of the running script.
// Run it:   npm run exercise -- cwd-path      (then again from another directory)
// Grade it: npm run grade -- cwd-path

// TODO 1: print "My cwd: <absolute path>", the directory the program was started from.
// TODO 2: print "My script dir: <absolute path>", the directory of this program's (built) file.
//         There is no __file__ in an ES module: start from import.meta.url
//         (fileURLToPath from 'node:url', dirname from 'node:path').

console.error('cwd-path: not implemented yet (see the TODOs in assignments/cwd-path/solution.ts)');
process.exitCode = 1;
