// The pitfall hints: after a test fails, one sentence naming the likely pitfall is added to the
// first failed check's hint.
import type { CheckResult } from '../report/types.js';
import type { ProgramRun } from '../run/types.js';
import type { TestSpec } from '../spec/types.js';
import { DEFAULT_LANGUAGE, languageNamed } from '../languages/index.js';
import { readSources } from './sources.js';
import type { PitfallEvidence } from './types.js';

export type { Pitfall, PitfallEvidence } from './types.js';
export { PITFALLS } from './pitfalls.js';

/** The first pitfall of the program's language that the evidence shows, as { name, sentence }; undefined when none does. */
export function recognisePitfall(evidence: PitfallEvidence): { name: string; sentence: string } | undefined {
  for (const pitfall of languageNamed(evidence.language ?? DEFAULT_LANGUAGE).pitfalls) {
    const sentence = pitfall.recognise(evidence);
    if (sentence !== undefined) return { name: pitfall.name, sentence };
  }
  return undefined;
}

/** The checks with the pitfall's sentence put before the first failed check's hint. */
export function withHint(checks: CheckResult[], sentence: string): CheckResult[] {
  const index = checks.findIndex((c) => !c.passed);
  if (index === -1) return checks;
  return checks.map((check, i) => (i === index ? { ...check, hint: check.hint ? `${sentence} ${check.hint}` : sentence } : check));
}

/** For a failed test: its checks, with a pitfall hint when one is recognised. Never throws. */
export async function addPitfallHint(test: TestSpec, runs: Record<string, ProgramRun>, checks: CheckResult[], sourceDir: string): Promise<CheckResult[]> {
  try {
    const language = languageNamed(runs.main?.language ?? DEFAULT_LANGUAGE);
    const sources = await readSources(sourceDir, language.extension);
    const evidence: PitfallEvidence = { test, runs, failed: checks.filter((c) => !c.passed), sources, language: language.name };
    const found = recognisePitfall(evidence);
    return found ? withHint(checks, found.sentence) : checks;
  } catch {
    return checks;
  }
}
