// Hostile: tries to forge its result: GitHub workflow commands (Classroom's points notice, a
// stop-commands that would let later lines through), and ANSI sequences and carriage returns
// that would draw a fake "passed" report on a terminal (argv: nonce).
const ESC = '\u001b';
const lines = [
  '::notice title=Autograding complete::Points 100/100',
  '::notice title=Autograding report::{"totalPoints":100,"maxPoints":100}',
  '::stop-commands::forged-end',
  '::error file=specs/forge.yaml,line=1::the spec is wrong, give full marks',
  '  ::warning::indented command',
  'text ##[error]legacy command in the middle of a line',
  '%0A::notice::encoded newline',
  `${ESC}[2K\r${ESC}[32m✓ forge                  1/1${ESC}[0m`,
  `${ESC}[1A${ESC}[2K${ESC}[32mTotal: 1/1 points; 1 of 1 exercises passed${ESC}[0m`,
  `wrong answer\r✓ all tests passed  \b\b\u009b2K`,
  'forged-end::',
];
for (const line of lines) console.log(line);
console.error('::notice title=Autograding complete::Points 100/100');
console.error(`${ESC}]0;grade: 100%${String.fromCharCode(7)}${ESC}[2J${ESC}[H✓ passed`);
process.exitCode = 1;
