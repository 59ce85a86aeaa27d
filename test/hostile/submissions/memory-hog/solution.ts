// Hostile: takes memory 16 MiB at a time, touching every page, up to a hard cap (argv[3], MiB;
// 3 GiB by default, above the grader's 2 GiB), then holds it (argv: nonce [hard cap]).
const BLOCK = 16 * 1024 * 1024;
const HARD_CAP = Number(process.argv[3] ?? 3072) * 1024 * 1024;
const PAGE = 4096;
const blocks: Buffer[] = [];
console.log('hoarding');
while (blocks.length * BLOCK < HARD_CAP) {
  const block = Buffer.allocUnsafeSlow(BLOCK);
  for (let i = 0; i < BLOCK; i += PAGE) block[i] = 1;
  blocks.push(block);
}
console.log(`holding ${(blocks.length * BLOCK) / 1024 / 1024} MiB`);
setInterval(() => undefined, 1000);
