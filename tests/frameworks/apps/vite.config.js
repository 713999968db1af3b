// Builds the framework apps (one page each) into target/frameworks: React with Vite's own
// esbuild JSX (no React plugin), Vue with @vitejs/plugin-vue told that <quiz-widget> is a custom
// element. python-quiz-widget is the packed tarball, installed by tests/frameworks/build.sh into
// apps/node_modules; React and Vue resolve from the workspace's node_modules.
import vue from '@vitejs/plugin-vue';

const here = new URL('.', import.meta.url).pathname;

export default {
  root: here,
  base: './',
  logLevel: 'warn',
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'quiz-widget' } } })],
  esbuild: { jsx: 'automatic' },
  resolve: { dedupe: ['react', 'react-dom', 'vue'] },
  build: {
    outDir: new URL('../../../target/frameworks', import.meta.url).pathname,
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    rollupOptions: {
      input: { react: `${here}react/index.html`, ssr: `${here}ssr/index.html`, vue: `${here}vue/index.html` },
    },
  },
};
