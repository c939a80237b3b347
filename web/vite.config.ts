import { defineConfig } from 'vite';

// Preact through esbuild's automatic JSX runtime: no framework plugin, nothing but esbuild and rollup.
export default defineConfig({
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    // Straight into the jar's static folder, which Quarkus serves at / from any jar on the classpath.
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    assetsDir: 'assets',
    // The atlas JSON files are data fetched when a map first shows, never inlined into the scripts.
    assetsInlineLimit: 0,
    target: 'es2022',
    manifest: true,
  },
});
