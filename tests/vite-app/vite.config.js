// Builds the test app into target/vite-app (the package is installed by the test from the
// tarball `npm pack dist/npm` made).
export default {
  root: new URL('.', import.meta.url).pathname,
  base: './',
  logLevel: 'warn',
  build: { outDir: new URL('../../target/vite-app', import.meta.url).pathname, emptyOutDir: true, target: 'es2022' },
};
