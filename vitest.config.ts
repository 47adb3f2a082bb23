import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// Two projects: Node for shared/db/electron (unit, integration, main-process) and jsdom for the
// renderer. Playwright specs (tests/e2e) are run by `playwright test`, never by vitest.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          // Ledger tests do real disk I/O with fsync on every commit: generous on a loaded machine.
          testTimeout: 30_000,
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/main/**/*.test.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          // Whole-app renders in jsdom on a loaded 2-core machine take seconds, not milliseconds.
          testTimeout: 30_000,
          include: ['tests/renderer/**/*.test.tsx'],
          setupFiles: ['tests/renderer/setup.ts'],
        },
      },
    ],
  },
})
