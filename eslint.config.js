// ESLint (flat config): typescript-eslint's type-aware recommended rules over the grader and its
// tests. `npm run lint`; CI runs it (.ci/run). A rule turned off says why on its line.
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      // Build output (the grader's own bundle, built exercises).
      '.cache/',
      // Students' starters and the references (with their deliberately wrong variants) are course
      // material written to the slides, not grader code; the grader builds and grades them.
      'assignments/',
      'reference/',
      // Programs the tests run: tiny fixtures and hostile submissions, wrong on purpose.
      'test/fixtures/',
      'test/hostile/submissions/',
    ],
  },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'grader/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The grader matches terminal control characters on purpose: to escape or strip them from students' output.
      'no-control-regex': 'off',
      // `_name` marks a value left out on purpose (a destructured field dropped, a parameter a signature needs).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // A function fits on a screen (nested functions counted); test/structure/function-length.test.ts says the same.
    files: ['grader/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80 }] },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests parse the grader's JSON output and check its shape with expect(), whose matchers
      // (expect.stringContaining, ...) are typed any: a cast would claim what the test checks.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
