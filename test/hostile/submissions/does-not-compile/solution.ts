// @ts-nocheck (tsc would refuse it too; this keeps the project's own type check clean)
// Careless: declares the same constant twice, which esbuild refuses to build.
const greeting = 'hello';
const greeting = 'hello again';
console.log(greeting);
