// shoot.mjs BASE OUTDIR NAME PASSWORD PATH...: sign in as NAME and save
// phone and desktop screenshots of each PATH, for a person to look at.
import { chromium } from 'playwright-core';

const [base, out, name, password, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update',
    '--disable-sync'],
});
for (const [label, viewport] of [['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 900 }]]) {
  const page = await browser.newPage({ viewport });
  if (name) {
    await page.goto(base + '/login');
    await page.fill('#name', name);
    await page.fill('#password', password);
    await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button')]);
  }
  for (const p of paths) {
    await page.goto(base + p);
    const file = `${out}/${label}${p.replace(/[^a-z0-9]+/gi, '_')}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await page.close();
}
await browser.close();
