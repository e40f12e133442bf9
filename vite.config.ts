import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { deckPlugin } from './src/build/deckPlugin.ts';

// Relative base: the static build works from any path or straight from the file system.
export default defineConfig({
  base: './',
  plugins: [react(), deckPlugin({ contentDir: 'content' })],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
