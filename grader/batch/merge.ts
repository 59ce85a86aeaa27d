// Merging the scores of the shards of one batch into the scores of the whole class.
import { compareNames } from './students.js';
import { SCORES_FORMAT, type BatchScores } from './scores.js';

/** Merges shard results; throws an Error when they are not the shards of one batch. */
export function mergeScores(parts: ReadonlyArray<{ source: string; scores: BatchScores }>): BatchScores {
  const [first] = parts;
  if (first === undefined) throw new Error('nothing to merge: name the JSON files of the shards');
  const exercises = JSON.stringify(first.scores.exercises);
  for (const part of parts) {
    if (JSON.stringify(part.scores.exercises) !== exercises) {
      throw new Error(`${part.source} graded other exercises than ${first.source}: the shards must use the same specs`);
    }
  }
  checkShards(parts);
  const seen = new Map<string, string>();
  for (const part of parts) {
    for (const student of part.scores.students) {
      const other = seen.get(student.student);
      if (other !== undefined) throw new Error(`student "${student.student}" is in both ${other} and ${part.source}`);
      seen.set(student.student, part.source);
    }
  }
  const students = parts.flatMap((p) => p.scores.students).sort((a, b) => compareNames(a.student, b.student));
  const tiers = new Set(parts.map((p) => p.scores.sandbox.tier));
  return {
    format: SCORES_FORMAT,
    exercises: first.scores.exercises,
    students,
    // The weakest sandbox any shard had is the one that held for the class.
    sandbox: tiers.size === 1 ? first.scores.sandbox : parts.find((p) => p.scores.sandbox.tier !== 'bubblewrap')!.scores.sandbox,
    durationMs: Math.max(...parts.map((p) => p.scores.durationMs)),
    ...graderVersions(parts.map((p) => p.scores.graderVersion)),
    ...latestTime(parts.map((p) => p.scores.gradedAt)),
  };
}

/** The shards' grader versions, each once (shards graded by different graders show every one). */
function graderVersions(versions: ReadonlyArray<string | undefined>): { graderVersion?: string } {
  const known = [...new Set(versions.filter((v): v is string => v !== undefined))];
  return known.length === 0 ? {} : { graderVersion: known.join(', ') };
}

/** The latest shard's time (ISO 8601 UTC times sort as text). */
function latestTime(times: ReadonlyArray<string | undefined>): { gradedAt?: string } {
  const known = times.filter((t): t is string => t !== undefined).sort();
  return known.length === 0 ? {} : { gradedAt: known.at(-1)! };
}

/** Sharded parts must be every shard of one split, once each. */
function checkShards(parts: ReadonlyArray<{ source: string; scores: BatchScores }>): void {
  const sharded = parts.filter((p) => p.scores.shard !== undefined);
  if (sharded.length === 0) return;
  if (sharded.length !== parts.length) throw new Error('some files are shards and some are not: merge the shards of one batch');
  const count = sharded[0]!.scores.shard!.count;
  const byIndex = new Map<number, string>();
  for (const part of sharded) {
    const shard = part.scores.shard!;
    if (shard.count !== count) throw new Error(`${part.source} is shard ${shard.index}/${shard.count}, but ${sharded[0]!.source} is of ${count}`);
    const other = byIndex.get(shard.index);
    if (other !== undefined) throw new Error(`${other} and ${part.source} are both shard ${shard.index}/${count}`);
    byIndex.set(shard.index, part.source);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new Error(`shard ${missing.map((i) => `${i}/${count}`).join(', ')} is missing`);
}
