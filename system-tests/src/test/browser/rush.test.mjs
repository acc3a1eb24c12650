// The rush page in a real (headless) Chromium: a student signs in on /rush/{classId}, joins the waiting room, is
// admitted, enrolls and sees the status; then a change made elsewhere (the student cancels through the API) reaches the
// page over the live stream. Run by BrowserSystemTests with the platform up; prints one JSON line and exits 0 on success.
//
// Environment: GATEWAY_URL, CLASS_ID, EMAIL, PASSWORD, SCREENSHOT_DIR, CHROMIUM (default /usr/bin/chromium).
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const gateway = env('GATEWAY_URL');
const classId = env('CLASS_ID');
const email = env('EMAIL');
const password = env('PASSWORD');
const screenshots = env('SCREENSHOT_DIR');
mkdirSync(screenshots, { recursive: true });

// A fresh profile directory each run (playwright passes it to chromium as --user-data-dir).
const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'mclass-rush-')), {
  executablePath: env('CHROMIUM', '/usr/bin/chromium'),
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const result = { steps: [] };
const page = browser.pages()[0] || await browser.newPage();
const consoleErrors = [];
page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
page.on('pageerror', (error) => consoleErrors.push(String(error)));
const step = (name) => result.steps.push(name);
try {
  await page.goto(`${gateway}/rush/${classId}`);
  // Live seats arrive for anyone, before signing in.
  await page.waitForFunction(() => /^\d+$/.test(document.getElementById('seats').textContent), null, { timeout: 20000 });
  result.seatsBefore = Number(await page.textContent('#seats'));
  step('seats shown live');

  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('#login');
  await page.waitForSelector('#queue-panel:not([hidden])', { timeout: 20000 });
  step('signed in');

  await page.click('#join');
  await page.waitForFunction(() => document.getElementById('admitted').textContent.includes('입장 가능'), null, { timeout: 30000 });
  step('queued and admitted');
  await page.waitForFunction(() => !document.getElementById('enroll').disabled, null, { timeout: 10000 });
  await page.click('#enroll');
  await page.waitForFunction(() => document.getElementById('status').dataset.status === 'APPROVED', null, { timeout: 20000 });
  step('enrolled: APPROVED');
  // The seat taken shows in the live count.
  await page.waitForFunction((before) => Number(document.getElementById('seats').textContent) === before - 1, result.seatsBefore,
    { timeout: 20000 });
  step('seats went down live');
  await page.screenshot({ path: join(screenshots, 'rush-approved.png'), fullPage: true });

  // A change made elsewhere reaches the page only through the live stream.
  const token = await page.evaluate(() => sessionStorage.getItem('mclass.token'));
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const mine = await (await fetch(`${gateway}/api/mclasses/${classId}/enrollments`, { headers })).json();
  const canceled = await fetch(`${gateway}/api/mclasses/${classId}/enrollments/${mine.data[0].id}`,
    { method: 'DELETE', headers, body: JSON.stringify({ reason: 'browser test' }) });
  if (canceled.status !== 200) throw new Error(`cancel answered ${canceled.status}`);
  await page.waitForFunction(() => document.getElementById('status').dataset.status === 'CANCELED', null, { timeout: 20000 });
  step('status changed live: CANCELED');
  await page.screenshot({ path: join(screenshots, 'rush-canceled.png'), fullPage: true });
  result.ok = true;
} catch (error) {
  result.ok = false;
  result.error = String(error && error.stack || error);
  await page.screenshot({ path: join(screenshots, 'rush-failure.png'), fullPage: true }).catch(() => {});
} finally {
  result.consoleErrors = consoleErrors;
  await browser.close();
}
console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
