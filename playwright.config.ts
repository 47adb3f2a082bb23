import { execFileSync } from 'node:child_process'
import { defineConfig } from '@playwright/test'

// Debian's Chromium from PATH: Playwright's own browser download is not possible here.
function systemChromium(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim()
  } catch {
    throw new Error('Chromium not found on PATH: install it (Debian: apt-get install -y chromium)')
  }
}

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    // A shop in Shanghai: business dates must follow the shop's zone, not the machine's.
    timezoneId: 'Asia/Shanghai',
    locale: 'zh-CN',
    launchOptions: {
      executablePath: systemChromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
  },
})
