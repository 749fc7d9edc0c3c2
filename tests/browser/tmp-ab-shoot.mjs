import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const dir = mkdtempSync(join(tmpdir(), 'ab-shoot-'));
const port = 18000 + Math.floor(Math.random() * 1000);
const env = { ...process.env, PORTAL_DB: join(dir, 'portal.db') };
const conf = readFileSync('kore.conf', 'utf8').replace('bind 127.0.0.1 8888', `bind 127.0.0.1 ${port}`)
  .replace(/^pidfile.*$/m, `pidfile ${join(dir, 'kore.pid')}`);
writeFileSync(join(dir, 'kore.conf'), conf);
execFileSync('./build/portalctl', ['seed-demo'], { env, stdio: 'ignore' });
execFileSync('sqlite3', [join(dir, 'portal.db'), "UPDATE issues SET decision='not_agreed', reason='There is no money for it this year.' WHERE title='Free leisure pass for everyone in care'"]);
const proc = spawn('kore', ['-c', join(dir, 'kore.conf'), '-f', '-n', '-r'], { env, detached: true, stdio: 'ignore' });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 200; i++) { try { if ((await fetch(base + '/')).ok) break; } catch {} await new Promise((r) => setTimeout(r, 50)); }
const out = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
async function as(name, pw, paths) {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(base + '/login'); await page.fill('#name', name); await page.fill('#password', pw);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button')]);
  for (const p of paths) {
    let path = p;
    if (p.startsWith('click:')) { await page.goto(base + '/views'); await Promise.all([page.waitForNavigation(), page.click(`a:text("${p.slice(6)}")`)]); path = new URL(page.url()).pathname; }
    else await page.goto(base + p);
    const f = `${out}/${name.replace(/\W+/g, '_')}${path.replace(/[^a-z0-9]+/gi, '_')}.png`;
    await page.screenshot({ path: f, fullPage: true }); console.log(f, page.url());
  }
  await page.close();
}
try {
  await as('Jaden', 'kite-river-42', ['click:Free leisure pass for everyone in care']);
  const vid = execFileSync('sqlite3', [join(dir, 'portal.db'), "SELECT id FROM views WHERE title='Free leisure pass for everyone in care'"], { encoding: 'utf8' }).trim();
  const pocket = execFileSync('sqlite3', [join(dir, 'portal.db'), "SELECT issue_id FROM views WHERE title='Pocket money is different in every home'"], { encoding: 'utf8' }).trim();
  const reply = execFileSync('sqlite3', [join(dir, 'portal.db'), "SELECT id FROM views WHERE reply_to IS NOT NULL LIMIT 1"], { encoding: 'utf8' }).trim();
  await as('Jaden', 'kite-river-42', [`/views/${vid}/again`, `/views/${vid}/reply`, '/you-said-we-did']);
  await as('Priya Shah', 'worker-demo-2026', [`/issues/${pocket}`, `/issues/${pocket}/again`, `/moderation/${reply}`, '/moderation']);
} finally { await browser.close(); process.kill(-proc.pid, 'SIGKILL'); }
