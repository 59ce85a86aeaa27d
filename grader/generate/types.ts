// What a spec's `generate` block says: the values to generate for each case, and how many cases.

/** Integers from min to max (negative, zero and large ones where the range has them). */
export interface IntValueSpec {
  int: { min: number; max: number };
}

/** Lines of text: blank lines, a last line with or without "\n", "\r" inside lines, multi-byte characters. */
export interface TextValueSpec {
  text: { maxLines?: number; cr?: boolean; multibyte?: boolean };
}

/** Environment values: empty, with spaces, "=", "$HOME", "*", multi-byte characters. */
export interface EnvValueSpec {
  envValue: { maxLength?: number };
}

/** Environment variable names (letters, digits, underscores; not a base variable). */
export interface EnvNameSpec {
  envName: Record<string, never>;
}

/** One of the listed values. */
export interface PickValueSpec {
  pick: Array<string | number>;
}

/** A directory tree under `root`: files, empty directories, symbolic links (dangling, looping), FIFOs, odd names. */
export interface TreeValueSpec {
  tree: { root: string; depth?: number; maxEntries?: number; fifos?: boolean; symlinks?: boolean };
}

export type ValueSpec = IntValueSpec | TextValueSpec | EnvValueSpec | EnvNameSpec | PickValueSpec | TreeValueSpec;

/** A test's `generate` block. */
export interface GenerateSpec {
  /** Generated cases per grading (default 4): each runs the program and the reference. */
  cases?: number;
  /** Most extra cases tried while shrinking a failure to the smallest input (default 8). */
  shrinkRuns?: number;
  /**
   * The values, by name. `${name}` in the test's args, env values, stdin, files (path, content,
   * target) and its processes' args is replaced by the value; a `tree` value adds its fixtures.
   */
  values: Record<string, ValueSpec>;
}
