// Hostile: kill(-1, SIGKILL), every process it may signal. It refuses to do so unless it runs as
// one of the grader's unprivileged slot uids (60000-60511): as root or as the developer's own
// user it would take the machine or the desktop down (argv: nonce).
const uid = process.getuid?.() ?? -1;
if (uid < 60000 || uid >= 60512) {
  console.log(`refusing kill(-1) as uid ${uid}`);
  process.exitCode = 2;
} else {
  console.log(`killing everything uid ${uid} may signal`);
  process.kill(-1, 'SIGKILL');
  console.log('still alive after kill(-1)');
}
