// What the pitfall recognisers look at: what the program did, and its source text.
import type { ProgramRun } from '../run/types.js';
import type { CheckResult } from '../report/types.js';
import type { TestSpec } from '../spec/types.js';

/** The evidence of one failed test. */
export interface PitfallEvidence {
  test: TestSpec;
  /** Every process of the test by name ("main" included). */
  runs: Record<string, ProgramRun>;
  /** The checks that failed (the ending check too, when the run did not end by itself). */
  failed: CheckResult[];
  /** The solution's source files (file name → text), comments included. */
  sources: Record<string, string>;
  /** The solution's language (grader/languages/; absent: TypeScript): its pitfalls are the ones looked for. */
  language?: string;
}

/** A common mistake of these exercises, and how to tell it from what the program did. */
export interface Pitfall {
  name: string;
  /** One sentence naming the pitfall and the fix, when the evidence shows it; else undefined. */
  recognise(evidence: PitfallEvidence): string | undefined;
}
