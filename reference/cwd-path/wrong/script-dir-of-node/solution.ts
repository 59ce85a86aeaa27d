// cwd-path: the slide's os.getcwd() and the directory of the running script.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the program was started from (the shell's current directory), like os.getcwd().
console.log(`My cwd: ${process.cwd()}`);
// Where the program file itself is: Python's os.path.dirname(__file__), here from import.meta.url.
console.log(`My script dir: ${dirname(process.execPath)}`); // BUG: the directory of node itself, not of the program file
