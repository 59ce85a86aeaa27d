// time-today: the slide's date.today(), time.time() and date.fromtimestamp(ts), in Node.
// Run it:   npm run exercise -- time-today
// Grade it: npm run grade -- time-today

// TODO 1: print "Today is: <date>", today's LOCAL date as YYYY-MM-DD (it must honour TZ;
//         toISOString() gives the UTC date, which is not the same thing).
// TODO 2: print "Timestamp now: <ts>", the current Unix time in SECONDS with a fraction of
//         3 to 9 digits (Date.now() is in milliseconds).
// TODO 3: print "From timestamp: <date>", the local date of that timestamp (date.fromtimestamp).

console.error('time-today: not implemented yet (see the TODOs in assignments/time-today/solution.ts)');
process.exitCode = 1;
