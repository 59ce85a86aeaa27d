// Hostile: spins the CPU forever (argv: nonce).
console.log('spinning');
let n = 0;
for (;;) n = (n + 1) % 1_000_003;
