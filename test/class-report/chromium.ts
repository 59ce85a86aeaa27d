// Debian's Chromium, driven by playwright-core (which downloads no browser of its own). Tests that
// need it skip, saying how to install it, when it is not there; in CI (CI=true) they fail instead,
// since .ci/run installs it and a skipped browser test there would hide a broken report.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const HOW_TO_INSTALL = `Chromium is not at ${CHROMIUM_PATH}: the browser tests need it. Install it with \`apt-get install -y chromium\` (Debian), or set CHROMIUM_PATH.`;

/** Whether the browser tests can run; throws in CI, where they must. */
export function chromiumAvailable(): boolean {
  const found = existsSync(CHROMIUM_PATH);
  if (!found && process.env.CI === 'true') throw new Error(`${HOW_TO_INSTALL} In CI, .ci/run installs it: the browser tests may not be skipped there.`);
  return found;
}

/** A headless browser with a fresh profile, offline apart from file: URLs; close() removes the profile. */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = await mkdtemp(path.join(tmpdir(), 'class-report-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    offline: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
