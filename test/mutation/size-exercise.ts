// A made-up exercise for the mutation tests of both languages: its spec and its TypeScript
// reference (`n > 10` is the site whose mutants the tests look for).

export const SIZE_SPEC = `slug: size
title: Says whether a number is big
tests:
  - name: twenty is big
    args: ["20"]
    checks:
      - check: lines
        expect: ["big"]
  - name: three is small
    args: ["3"]
    checks:
      - check: lines
        expect: ["small"]
`;

export const SIZE_TS_REFERENCE = `const n = Number(process.argv[2]);
console.log(n > 10 ? 'big' : 'small');
`;
