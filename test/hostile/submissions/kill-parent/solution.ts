// Hostile: kills its parent process with SIGKILL, then carries on and prints (argv: nonce).
console.log(`killing parent ${process.ppid}`);
try {
  process.kill(process.ppid, 'SIGKILL');
  console.log('kill sent');
} catch (error) {
  console.log(`kill refused ${(error as NodeJS.ErrnoException).code ?? 'unknown'}`);
}
setTimeout(() => console.log('still here'), 300);
