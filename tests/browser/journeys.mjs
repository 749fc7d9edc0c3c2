// journeys.mjs: each role's journey in Debian's Chromium, against the real
// server started here on a free loopback port with a fresh demo database.
// Every journey runs with JavaScript on (axe-core checks every page it
// visits for WCAG 2.0-2.2 A and AA) and again with JavaScript off.
// Screenshots of key pages at phone and desktop widths go to
// build/screenshots. Ends with "N passed, N failed".
//
//   node tests/browser/journeys.mjs [BUILD [NAME]]   (from the project folder)
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const build = process.argv[2] || 'build';
// A second argument (NAME,NAME...) runs only the journeys whose names
// hold one of them.
const only = process.argv[3] || '';
const axeSource = readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const shots = join('build', 'screenshots');
mkdirSync(shots, { recursive: true });
let passed = 0;
let failed = 0;

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

// Each server's database, by its address: the passes run at once.
const dbOf = new Map();

// A person's sessions run out, as if they had been away for days.
// Written with the sqlite3 shell, which the portal's count of commits
// does not see: the server notices within a second (README, "Fresh").
async function ageSessions(base, nameKey) {
  execFileSync('sqlite3', ['-cmd', '.timeout 5000', dbOf.get(base),
    `UPDATE sessions SET created_at = created_at - 864000, seen_at = seen_at - 864000 WHERE user_id = (SELECT id FROM users WHERE name_key = '${nameKey}')`]);
  await new Promise((resolve) => setTimeout(resolve, 1500));
}

// The real server, as make run starts it, on its own database and port.
async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'portal-browser-'));
  const port = await freePort();
  const env = { ...process.env, PORTAL_DB: join(dir, 'portal.db') };
  const conf = readFileSync('kore.conf', 'utf8')
    .replace('bind 127.0.0.1 8888', `bind 127.0.0.1 ${port}`)
    .replace(/^load .*$/m, `load ./${build}/portal.so`)
    .replace(/^pidfile.*$/m, `pidfile ${join(dir, 'kore.pid')}`);
  writeFileSync(join(dir, 'kore.conf'), conf);
  execFileSync(`./${build}/portalctl`, ['seed-demo'], { env, stdio: 'ignore' });
  const proc = spawn('kore', ['-c', join(dir, 'kore.conf'), '-f', '-n', '-r'],
    { env, detached: true, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  dbOf.set(base, env.PORTAL_DB);
  for (let i = 0; i < 1200; i++) {
    try { if ((await fetch(base + '/')).ok) break; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base,
    stop() {
      try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function axeCheck(page, label) {
  // axe is loaded once per document: the phone-width pass reuses it.
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  const violations = await page.evaluate(async (src) => {
    if (src) (0, eval)(src);
    const r = await window.axe.run(document, { runOnly: { type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
  }, loaded ? '' : axeSource);
  if (violations.length) throw new Error(`axe on ${label}: ${violations.join('; ')}`);
}

// Young people's pages (and visitors') at the width they are seen at: no
// text under 16 px (tags, dates and the menu's count were 15.2 and 14.4),
// and a link on a line of its own (.link-line, .tap, a card's title) is
// 44 px tall.
async function sizeCheck(page, label) {
  const bad = await page.evaluate(() => {
    if (!document.body.classList.contains('young')) return [];
    const out = [];
    const shown = (e) => { const r = e.getBoundingClientRect(); return r.width > 1 && r.height > 1; };
    for (const e of document.querySelectorAll('body *')) {
      if (!shown(e) || ![...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
      const px = parseFloat(getComputedStyle(e).fontSize);
      if (px < 16) out.push(`"${e.textContent.trim().slice(0, 30)}" is ${px} px`);
    }
    for (const a of document.querySelectorAll('.link-line a, a.tap, a.card-link')) {
      const h = a.getBoundingClientRect().height;
      if (shown(a) && h < 44) out.push(`the link "${a.textContent.trim().slice(0, 30)}" is ${h} px tall`);
    }
    return out;
  });
  if (bad.length) throw new Error(`${label}: ${bad.slice(0, 3).join('; ')}`);
}

// The page at phone width: axe again at 360 px, sizes a thumb and an eye
// can use, and at 320 px nothing scrolls sideways (WCAG 1.4.10 reflow).
// The viewport is put back.
async function phoneCheck(page, label) {
  const was = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 740 });
  await axeCheck(page, `${label} at 360 px`);
  await sizeCheck(page, `${label} at 360 px`);
  await page.setViewportSize({ width: 320, height: 740 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  if (wide > 320) throw new Error(`${label} scrolls sideways at 320 px (${wide} px wide)`);
  await page.setViewportSize(was);
}

// With JavaScript on, what a journey reaches is checked with axe at the
// width it is seen at, and at 320 px nothing scrolls sideways. (The
// every-page check runs axe on each page at both widths; doing it here
// too would double the suite's longest part for nothing new.)
async function journeyCheck(page, label) {
  await axeCheck(page, label);
  const was = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 740 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  if (wide > 320) throw new Error(`${label} scrolls sideways at 320 px (${wide} px wide)`);
  await page.setViewportSize(was);
}

async function visit(page, js, base, path) {
  await page.goto(base + path);
  if (js) await journeyCheck(page, path);
}

async function submit(page, js, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
  if (js) await journeyCheck(page, page.url());
}

// Not checked with axe: the sign-in page and each start page are in the
// every-page check, and journeys sign in often.
async function signIn(page, js, base, name, password) {
  await visit(page, false, base, '/login');
  await page.fill('#name', name);
  await page.fill('#password', password);
  await submit(page, false, 'form[action="/login"] button');
}

async function expectText(page, text) {
  const body = await page.textContent('body');
  if (!body.includes(text)) throw new Error(`"${text}" is not on ${page.url()}`);
}

// make test runs the journeys beside the other tests at a lower
// priority: a step may wait for CPU, so waits are long.
function patient(ctx) {
  ctx.setDefaultTimeout(120000);
  ctx.setDefaultNavigationTimeout(120000);
  return ctx;
}

async function newContext(browser, js) {
  const ctx = patient(await browser.newContext({ javaScriptEnabled: js }));
  ctx.browser = browser;
  ctx.jsOn = js;
  return ctx;
}

// Full-page pictures for a person to look at, taken in the pass without
// JavaScript (the lighter one: the pictures are the same).
async function shot(page, name) {
  if (page.context().jsOn !== false) return;
  for (const [label, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 900 }]]) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(shots, `${name}-${label}.png`), fullPage: true });
  }
}

// The first screen of a phone (360x740): what a young person sees before
// scrolling, saved for a person to look at too.
async function firstScreen(page, name) {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: join(shots, `first-${name}.png`) });
}

// The header (with Leave this site quickly) takes at most 20% of the
// first screen; with JavaScript on, also at 200% text.
async function headerFits(page, js) {
  await page.setViewportSize({ width: 360, height: 740 });
  const box = await page.locator('.site-header').boundingBox();
  if (box.y + box.height > 148) throw new Error(`the header ends at ${box.y + box.height} px of 740 on ${page.url()}`);
  if (!js) return;
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  const big = await page.locator('.site-header').boundingBox();
  await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
  if (big.y + big.height > 148) throw new Error(`at 200% text the header ends at ${big.y + big.height} px on ${page.url()}`);
}

async function onFirstScreen(page, selector) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box || box.y + box.height > 740) throw new Error(`${selector} is not on the first screen of ${page.url()}`);
}

const journeys = {
  // A phone, as a 13-year-old holds it: the header is small, the menu
  // opens without JavaScript, the main action and the first question are
  // on the first screen, an empty Send puts the error summary first and
  // focused, and a session that ran out keeps every word.
  async 'phone first'(ctx, js, base) {
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await visit(page, js, base, '/');
    await headerFits(page, js);
    await onFirstScreen(page, 'a:text("Tell us something")');
    await firstScreen(page, 'home');
    await page.click('summary.menu-button');
    if (!await page.locator('.site-nav a[href="/pledge"]').isVisible()) throw new Error('the menu does not open');
    await visit(page, js, base, '/pledge');
    await expectText(page, 'Sign in to tell us');
    await firstScreen(page, 'pledge');

    await signIn(page, js, base, 'Jaden', 'kite-river-42');
    await firstScreen(page, 'young-person-landing');
    await visit(page, js, base, '/views/new');
    await headerFits(page, js);
    await onFirstScreen(page, '#cat-1');
    await firstScreen(page, 'raise-a-view');
    await submit(page, js, 'form[action="/views/new"] button[type="submit"]');
    const summary = await page.locator('.error-summary').boundingBox();
    const h1 = await page.locator('h1').boundingBox();
    if (summary.y > h1.y) throw new Error('the error summary is below the heading');
    if (await page.locator('.error-summary:focus').count() !== 1) throw new Error('the error summary is not focused');
    await onFirstScreen(page, '.error-summary');

    // Away too long: the session has run out when Send is pressed.
    await page.fill('#title', 'Wifi at home');
    await page.fill('#body', 'Our home has no wifi, so homework is hard.');
    await page.check('#pub-no');
    await ageSessions(base, 'jaden');
    await submit(page, js, 'form[action="/views/new"] button[type="submit"]');
    await expectText(page, 'You were signed out, but your words are safe');
    if (await page.inputValue('#body') !== 'Our home has no wifi, so homework is hard.') throw new Error('the words were lost');
    await firstScreen(page, 'timed-out');
    await Promise.all([page.waitForNavigation(), page.click('a:text("Sign in again")')]);
    await page.fill('#name', 'Jaden');
    await page.fill('#password', 'kite-river-42');
    await submit(page, js, 'form[action="/login"] button');
    await expectText(page, 'Your words are back');
    if (await page.inputValue('#body') !== 'Our home has no wifi, so homework is hard.') throw new Error('the words did not come back after signing in');
    if (await page.inputValue('#title') !== 'Wifi at home') throw new Error('the title did not come back');
    await page.check('input[name="category"]');
    await submit(page, js, 'form[action="/views/new"] button[type="submit"]');
    await expectText(page, 'A worker will read it');

    // The help page after something worrying, at phone size.
    await visit(page, js, base, '/views/new');
    await page.check('input[name="category"]');
    await page.fill('#title', 'Scared');
    await page.fill('#body', 'I want to hurt myself.');
    await page.check('#pub-no');
    await submit(page, js, 'form[action="/views/new"] button[type="submit"]');
    await expectText(page, 'We are here to help');
    await onFirstScreen(page, 'h1');
    await firstScreen(page, 'help');

    for (const [name, pw, file] of [['Priya Shah', 'worker-demo-2026', 'worker-landing'],
      ['Cllr Sam Okafor', 'councillor-demo-2026', 'councillor-landing'],
      ['Alex Morgan', 'admin-demo-2026', 'admin-landing']]) {
      const c = await newContext(ctx.browser, js);
      const p = await c.newPage();
      await p.setViewportSize({ width: 360, height: 740 });
      await signIn(p, js, base, name, pw);
      await headerFits(p, js);
      await firstScreen(p, file);
      await c.close();
    }
  },

  // Joins with an invite, raises a view that is flagged, rates two
  // promises, reads an answer.
  async 'young person'(ctx, js, base) {
    const staff = await newContext(ctx.browser, js);
    const w = await staff.newPage();
    await signIn(w, js, base, 'Priya Shah', 'worker-demo-2026');
    await visit(w, js, base, '/accounts');
    await submit(w, js, 'form[action="/accounts/invite"] button');
    const code = (await w.textContent('#code')).trim();
    await staff.close();

    const page = await ctx.newPage();
    await visit(page, js, base, '/join');
    await page.fill('#code', code.toLowerCase());
    await submit(page, js, 'form[action="/join"] button');
    await page.fill('#name', js ? 'Robin J' : 'Robin N');
    await page.fill('#signin', js ? 'robin j private' : 'robin n private');
    await page.fill('#password', 'a-long-password-1');
    await page.fill('#password2', 'a-long-password-1');
    await page.check('#band-12');
    await page.check('#area-out');
    await submit(page, js, 'form[action="/join/finish"] button');
    await expectText(page, 'Your account is ready');
    // Welcomed, not dropped on account settings.
    await expectText(page, 'Staying safe here');
    await headerFits(page, js);
    await onFirstScreen(page, 'a:text("Tell us something")');
    await firstScreen(page, 'welcome');
    await page.setViewportSize({ width: 1280, height: 720 });

    await visit(page, js, base, '/views/new');
    await page.check('input[name="category"]');
    await page.fill('#title', 'Moving again');
    await page.fill('#body', 'I want to hurt myself when they move me.');
    await page.check('#pub-no');
    await submit(page, js, 'form[action="/views/new"] button[type="submit"]');
    await expectText(page, 'We are here to help');
    await expectText(page, '0800 1111');
    await expectText(page, 'A worker will read this');
    await shot(page, 'view-flagged');
    // "Leave this site quickly" goes to a neutral site (stood in for
    // here); with JavaScript the help page is also replaced in history.
    await ctx.route('https://www.bbc.co.uk/**', (r) => r.fulfill({ status: 200,
      contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather</h1>' }));
    const depth = js ? await page.evaluate(() => history.length) : 0;
    await Promise.all([page.waitForURL('https://www.bbc.co.uk/**'), page.click('.quick-exit')]);
    if (js && await page.evaluate(() => history.length) !== depth) {
      throw new Error('Leave this site quickly left the page in the history');
    }

    // Longer than the server takes (1 MiB: Kore would answer a blank
    // page): with JavaScript, nothing is sent and the words stay to cut.
    if (js) {
      await visit(page, js, base, '/views/new');
      await page.check('input[name="category"]');
      await page.fill('#title', 'Long one');
      const long = 'Please read all of this. ' + '\u0985'.repeat(120000);
      await page.fill('#body', long);
      await page.click('form[action="/views/new"] button[type="submit"]');
      await page.waitForSelector('.too-long');
      await expectText(page, 'nothing was sent');
      if (!page.url().endsWith('/views/new')) throw new Error(`a form too long left the page for ${page.url()}`);
      if ((await page.inputValue('#body')) !== long) throw new Error('a form too long lost its words');
      // Under the limit counted as JavaScript writes line breaks, over
      // it as the browser sends them (CR LF): stopped here too.
      await visit(page, js, base, '/views/new');
      await page.check('input[name="category"]');
      await page.fill('#title', 'Many lines');
      // (Pasted, as a child would: typing so many lines takes minutes.)
      const lines = 'we need more help\n' + ('x'.repeat(40) + '\n').repeat(23500);
      await page.evaluate((v) => { document.querySelector('#body').value = v; }, lines);
      await page.click('form[action="/views/new"] button[type="submit"]');
      await page.waitForSelector('.too-long');
      if ((await page.inputValue('#body')) !== lines) throw new Error('a form of many lines lost its words');
    }
    // Over the 128 KiB a form may wait in memory, but under 1 MiB: it
    // reaches the server, with or without JavaScript, and comes back
    // with the words and what to cut.
    {
      await visit(page, js, base, '/views/new');
      await page.check('input[name="category"]');
      await page.fill('#title', 'Long one');
      const pasted = 'Please read all of this. ' + '\u0985'.repeat(15000);
      await page.fill('#body', pasted);
      await page.locator('#share').check();
      await submit(page, js, 'form[action="/views/new"] button[type="submit"]');
      await expectText(page, '5000 characters or fewer');
      await expectText(page, 'Your words are still here');
      if ((await page.inputValue('#body')) !== pasted) throw new Error('a long paste lost its words');
    }

    await visit(page, js, base, '/pledge/check');
    const radios = page.locator('input[type="radio"][value="yes"]');
    await radios.nth(0).check();
    await page.locator('input[type="radio"][value="partly"]').nth(1).check();
    await submit(page, js, 'form[action="/pledge/check"] button[type="submit"]');
    await expectText(page, 'Your answers are saved');
    await shot(page, 'pledge');

    await visit(page, js, base, '/you-said-we-did');
    await expectText(page, 'We decided');
    await shot(page, 'you-said-we-did');
  },

  async 'participation worker'(ctx, js, base) {
    const page = await ctx.newPage();
    await signIn(page, js, base, 'Priya Shah', 'worker-demo-2026');
    await visit(page, js, base, '/moderation');
    await shot(page, 'moderation');
    await page.click('a:text("Haircuts")');
    if (js) await axeCheck(page, 'moderation view');
    await page.fill('#summary', 'Young people want to decide about haircuts without asking.');
    await submit(page, js, 'form:has(input[value="approve"]) button');
    await expectText(page, 'The young person has been told');
    await visit(page, js, base, '/issues?state=open');
    await page.click('table a >> nth=0');
    if (js) await axeCheck(page, 'issue');
    await submit(page, js, 'form:has(input[value="send"]) button');
    await expectText(page, 'The councillor can see it now');
    await visit(page, js, base, '/issues?state=answered');
    await page.click('table a >> nth=0');
    await submit(page, js, 'form:has(input[value="publish"]) button');
    await expectText(page, 'Published on You said, we did');
  },

  async councillor(ctx, js, base) {
    const page = await ctx.newPage();
    await signIn(page, js, base, 'Cllr Sam Okafor', 'councillor-demo-2026');
    await visit(page, js, base, '/my-issues');
    await shot(page, 'my-issues');
    await page.click('.item-list a >> nth=0');
    if (js) await axeCheck(page, 'my issue');
    await page.check('#d-partly');
    await page.fill('#text', 'We will do some of this from April.');
    await submit(page, js, 'form[action^="/my-issues/"] button:not([name="preview"])');
    await expectText(page, 'Give the reason');
    await page.fill('#reason', '.');
    await submit(page, js, 'form[action^="/my-issues/"] button:not([name="preview"])');
    await expectText(page, 'at least 3');
    await page.fill('#reason', 'The budget for this year is already set. Your PEP money is safe.');
    await submit(page, js, 'button[name="preview"]');
    await expectText(page, 'Reading age: about');
    await expectText(page, 'Personal Education Plan');
    await shot(page, 'my-issue-reading-age');
    await submit(page, js, 'form[action^="/my-issues/"] button:not([name="preview"])');
    await expectText(page, 'A participation worker will check your answer');
  },

  async 'worker checks an answer'(ctx, js, base) {
    const page = await ctx.newPage();
    await signIn(page, js, base, 'Priya Shah', 'worker-demo-2026');
    await visit(page, js, base, '/notifications');
    await page.click('a:text("A councillor\'s answer is waiting for your check") >> nth=0');
    if (js) await axeCheck(page, 'answer check');
    await expectText(page, 'Answer waiting for your check');
    await expectText(page, 'Reading age: about');
    await shot(page, 'answer-check');
    await submit(page, js, 'form:has(input[value="approve"]) button');
    await expectText(page, 'Approved. The young people have been told');
  },

  async admin(ctx, js, base) {
    const page = await ctx.newPage();
    await signIn(page, js, base, 'Alex Morgan', 'admin-demo-2026');
    await visit(page, js, base, '/accounts');
    await page.selectOption('#role', 'councillor');
    await submit(page, js, 'form[action="/accounts/invite"] button');
    await expectText(page, 'Invite code for a Councillor');
    await visit(page, js, base, '/admin/audit');
    await expectText(page, 'invite.create');
    await shot(page, 'audit');
    await visit(page, js, base, '/admin/holidays');
    await page.fill('#day', '2027-12-24');
    await submit(page, js, 'form[action="/admin/holidays"] button[type="submit"]');
    await expectText(page, 'Say what the day is');
    await page.fill('#name', 'Council closure day');
    await submit(page, js, 'form[action="/admin/holidays"] button[type="submit"]');
    await expectText(page, 'The day is on the list');
    await expectText(page, 'Council closure day');
    await visit(page, js, base, '/reports/board');
    await shot(page, 'board-report');
  },

  // The urgent list: take a concern, close it with a written action, and
  // raise one by hand about a view.
  async 'safeguarding concerns'(ctx, js, base) {
    const page = await ctx.newPage();
    await signIn(page, js, base, 'Priya Shah', 'worker-demo-2026');
    await visit(page, js, base, '/safeguarding');
    await expectText(page, 'Safeguarding concerns');
    await shot(page, 'concerns');
    await page.click('table a[href^="/safeguarding/"] >> nth=0');
    if (js) await axeCheck(page, 'a concern');
    await submit(page, js, 'form:has(input[value="hold"]) button');
    await expectText(page, 'You have taken this concern');
    await page.fill('#action', 'ok');
    await submit(page, js, 'form:has(input[value="close"]) button');
    await expectText(page, 'Say a little more');
    await page.fill('#action', 'Spoke to the young person and phoned their social worker, who visits today.');
    await submit(page, js, 'form:has(input[value="close"]) button');
    await expectText(page, 'The concern is closed');
    await visit(page, js, base, '/safeguarding?show=closed');
    await expectText(page, 'Closed safeguarding concerns');
    await visit(page, js, base, '/moderation');
    await page.click('table a[href^="/moderation/"] >> nth=0');
    await page.click('a[href^="/safeguarding/raise"]');
    if (js) await axeCheck(page, 'raise a concern');
    await submit(page, js, 'form[action="/safeguarding/raise"] button');
    await expectText(page, 'Write a short reason');
    await page.fill('#reason', 'Mentioned a new older friend who picks them up from school.');
    await submit(page, js, 'form[action="/safeguarding/raise"] button');
    await expectText(page, 'The concern is on the urgent list');
  },

  // A worker's everyday tools: a new sign-in code for a young person, a
  // view typed in from paper, and the paper form on one A4 page.
  async 'worker tools'(ctx, js, base) {
    const page = await ctx.newPage();
    await signIn(page, js, base, 'Priya Shah', 'worker-demo-2026');
    await visit(page, js, base, '/accounts');
    await submit(page, js, 'tr:has-text("Jaden") form[action$="/reset"] button');
    await expectText(page, 'Password reset code for Jaden');
    await visit(page, js, base, '/accounts');
    await page.click('tr:has-text("Jaden") a[href$="/view"]');
    if (js) await axeCheck(page, 'type in a view');
    await page.fill('#body', 'We want the bus pass to last all summer.');
    await submit(page, js, 'form[action$="/view"] button[type="submit"]');
    await expectText(page, 'Choose how they gave you their view.');
    await shot(page, 'type-in-view-errors');
    await page.check('#via-paper');
    await page.check('input[name="category"]');
    await page.fill('#title', 'Bus passes in summer');
    await submit(page, js, 'form[action$="/view"] button[type="submit"]');
    await expectText(page, 'The view is saved in their name');
    await expectText(page, 'Given on paper, typed in by Priya Shah');
    await visit(page, js, base, '/paper-form');
    await expectText(page, 'Have your say');
    await shot(page, 'paper-form');
    if (js) {
      const dir = mkdtempSync(join(tmpdir(), 'paper-'));
      const pdf = join(dir, 'form.pdf');
      await page.pdf({ path: pdf, format: 'A4' });
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      if (!/^Pages:\s+1$/m.test(info)) throw new Error(`the paper form is not one page: ${info}`);
      execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(shots, 'paper-form-print')]);
      rmSync(dir, { recursive: true, force: true });
    }
    const young = await newContext(ctx.browser, js);
    const y = await young.newPage();
    await signIn(y, js, base, 'Jaden', 'kite-river-42');
    await visit(y, js, base, '/views');
    await y.click('a:text("Bus passes in summer")');
    if (js) await axeCheck(y, 'typed-in view');
    await expectText(y, 'A worker typed this in for you, from your paper form');
    await shot(y, 'typed-in-view');
    await young.close();
  },

  // The board report tabled: a commentary written, the board's reply and
  // the previous period shown, printed on A4 with no table clipped; a
  // member who sits on the board reads the young people's version.
  async 'board report'(ctx, js, base) {
    const page = await ctx.newPage();
    await signIn(page, js, base, 'Priya Shah', 'worker-demo-2026');
    await visit(page, js, base, '/reports/board');
    await expectText(page, 'Previous period');
    await expectText(page, 'The board agreed: from next month');
    await page.click('a[href^="/reports/board/commentary?section=elsewhere"]');
    if (js) await axeCheck(page, 'commentary');
    await page.fill('#body', 'Most views sent elsewhere were about social workers.');
    await submit(page, js, 'form[action="/reports/board/commentary"] button');
    await expectText(page, 'The commentary is saved');
    await expectText(page, 'Most views sent elsewhere were about social workers.');
    await shot(page, 'board-report-tabled');
    if (js) {
      // A4 less the print margins (210 - 2 x 12 mm) at 96 px to the inch.
      await page.setViewportSize({ width: 703, height: 1000 });
      await page.emulateMedia({ media: 'print' });
      const clipped = await page.evaluate(() => [...document.querySelectorAll('.board-report table')]
        .filter((t) => t.scrollWidth > t.parentElement.clientWidth + 1).length);
      await page.emulateMedia({ media: null });
      await page.setViewportSize({ width: 1280, height: 900 });
      if (clipped) throw new Error(`${clipped} table(s) wider than the A4 page`);
      const dir = mkdtempSync(join(tmpdir(), 'board-'));
      const pdf = join(dir, 'board.pdf');
      await page.pdf({ path: pdf, format: 'A4' });
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      if (!/^Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/m.test(info)) throw new Error(`not A4: ${info}`);
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const want of ['Previous period', 'Change', 'Days late', 'The board\'s reply', 'Most views sent elsewhere']) {
        if (!text.includes(want)) throw new Error(`the printed report lacks "${want}"`);
      }
      execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(shots, 'board-report-print')]);
      rmSync(dir, { recursive: true, force: true });
    }
    await visit(page, js, base, '/accounts');
    await submit(page, js, 'tr:has-text("Jaden") form[action$="/board"] button');
    await expectText(page, 'they sit on the corporate parenting board');
    const young = await newContext(ctx.browser, js);
    const y = await young.newPage();
    await signIn(y, js, base, 'Jaden', 'kite-river-42');
    await visit(y, js, base, '/account');
    await y.click('a[href="/reports/board/young"]');
    if (js) { await axeCheck(y, 'young people\'s board report'); await phoneCheck(y, 'young people\'s board report'); }
    await expectText(y, 'What the board is told');
    // A whole quarter that has ended (the demo's board reply may fall in
    // this one, so it is not looked for here; test_board covers it).
    await expectText(y, 'one whole quarter that has ended');
    await shot(y, 'board-report-young');
    await young.close();
  },

  // Keeping the draft Pledge tidy: the edit form, moving, removing, and
  // throwing the draft away.
  async 'pledge upkeep'(ctx, js, base) {
    const page = await ctx.newPage();
    await signIn(page, js, base, 'Priya Shah', 'worker-demo-2026');
    await visit(page, js, base, '/pledge/manage');
    await submit(page, js, 'form:has(input[value="new"]) button');
    const first = page.locator('.item-list li.item a').first();
    const name = (await first.textContent()).trim();
    await first.click();
    if (js) await axeCheck(page, 'change a promise');
    if ((await page.inputValue('#title')) !== name) throw new Error('the edit form does not show the promise');
    await visit(page, js, base, '/pledge/manage');
    await submit(page, js, '.item-list li.item >> nth=0 >> form:has(input[value="down"]) button');
    await submit(page, js, '.item-list li.item >> nth=0 >> form:has(input[value="remove"]) button');
    await expectText(page, 'The promise is out of the draft');
    await shot(page, 'pledge-draft');
    await submit(page, js, 'form:has(input[value="discard"]) button');
    await expectText(page, 'Tick the box to say you want to throw the draft away');
    await page.check('#sure');
    await submit(page, js, 'form:has(input[value="discard"]) button');
    await expectText(page, 'The draft is thrown away');
    // A new draft, and a young person comments on it.
    await submit(page, js, 'form:has(input[value="new"]) button');
    const young = await newContext(ctx.browser, js);
    const y = await young.newPage();
    await signIn(y, js, base, 'Jaden', 'kite-river-42');
    await visit(y, js, base, '/pledge');
    await y.click('a[href="/pledge/draft"]');
    if (js) await axeCheck(y, 'the draft Pledge');
    await submit(y, js, '.panel >> nth=0 >> form button');
    await expectText(y, 'Write your comment in the box first');
    await shot(y, 'pledge-draft-error');
    await y.locator('.panel textarea').first().fill('Please say when we get the leisure pass.');
    await submit(y, js, '.panel >> nth=0 >> form button');
    await expectText(y, 'A participation worker will read your comment');
    await shot(y, 'pledge-draft');
    await young.close();
    await visit(page, js, base, '/moderation/comments');
    await expectText(page, 'Please say when we get the leisure pass.');
  },

  // Meetings by invitation, at laptop width: a worker invites a councillor
  // to a past meeting and records that she came; she then sees it.
  async 'meetings by invitation'(ctx, js, base) {
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, js, base, 'Priya Shah', 'worker-demo-2026');
    await visit(page, js, base, '/meetings');
    await Promise.all([page.waitForNavigation(), page.click('a:text("October meeting")')]);
    if (js) await axeCheck(page, 'a meeting');
    await expectText(page, 'Attended: 3 · Sent apologies: 1');
    await page.selectOption('#invite_user', { label: 'Cllr Zainab Reid (Councillor)' });
    await page.fill('#invite_email', 'not an address');
    await submit(page, js, 'form:has(input[value="invite_account"]) button');
    await expectText(page, 'Enter one email address');
    await page.fill('#invite_email', 'zainab.reid@example.gov.uk');
    await submit(page, js, 'form:has(input[value="invite_account"]) button');
    await expectText(page, 'zainab.reid@example.gov.uk');
    await page.check('fieldset:has(legend:has-text("Cllr Zainab Reid")) input[value="attended"]');
    await submit(page, js, 'form:has(input[value="attendance"]) button[type="submit"]');
    await expectText(page, 'Attended: 4 · Sent apologies: 1');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: join(shots, 'meeting-invitees-laptop.png'), fullPage: true });
    const other = await newContext(ctx.browser, js);
    const c = await other.newPage();
    await signIn(c, js, base, 'Cllr Zainab Reid', 'councillor-demo-2026-b');
    await visit(c, js, base, '/meetings');
    await expectText(c, 'October meeting');
    await other.close();
  },

  // Young people answer back, on a phone: "me too" on a published answer,
  // taken back and said again, then a reply to an answer (answerback.c).
  async 'answer back'(ctx, js, base) {
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, js, base, 'Jaden', 'kite-river-42');
    await visit(page, js, base, '/you-said-we-did');
    const item = page.locator('li.outcome:has-text("Pocket money is different")');
    const button = 'li.outcome:has-text("Pocket money is different") form[action$="/metoo"] button';
    await submit(page, js, button);
    await expectText(page, 'You said this matters to you too.');
    await submit(page, js, button);
    await expectText(page, 'Your "me too" is taken off');
    await submit(page, js, button);
    if (!(await item.locator('button').textContent()).includes('Take back')) throw new Error('"me too" was not said again');
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: join(shots, 'answerback-metoo-phone.png') });
    await visit(page, js, base, '/views');
    await Promise.all([page.waitForNavigation(), page.click('a:text("Free leisure pass for everyone in care")')]);
    await Promise.all([page.waitForNavigation(), page.click('a:text("Reply to the answer")')]);
    if (js) { await axeCheck(page, 'reply to an answer'); await phoneCheck(page, 'reply to an answer'); }
    await submit(page, js, 'form[action$="/reply"] button');
    await expectText(page, 'Write your reply.');
    await onFirstScreen(page, '.error-summary');
    await page.fill('#body', 'Thank you! Can the pass work on the bus too?');
    await submit(page, js, 'form[action$="/reply"] button');
    await expectText(page, 'We got your reply');
    await expectText(page, 'Thank you! Can the pass work on the bus too?');
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: join(shots, 'answerback-reply-sent-phone.png'), fullPage: true });
  },

  // Consultations (issue #15): a young person answers on a phone,
  // anonymously, three questions a page, saves and comes back, and
  // sends; the worker's results and the public page pass axe too.
  async 'consultation on a phone'(ctx, js, base) {
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, js, base, 'Jaden', 'kite-river-42');
    await visit(page, js, base, '/');
    await expectText(page, 'We have questions for you');
    await visit(page, js, base, '/consultations');
    await firstScreen(page, 'consultations');
    await page.click('a:text("How do your reviews feel?")');
    if (js) await axeCheck(page, 'a consultation');
    await submit(page, js, 'form[action^="/consultations/"] button');
    await expectText(page, 'Choose whether to answer with your name');
    await page.check('#who-anon');
    await submit(page, js, 'form[action^="/consultations/"] button');
    await expectText(page, 'Page 1 of 2');
    // "Show easier words" is a thumb's height (sizeCheck).
    if (js) await phoneCheck(page, 'a consultation\'s questions');
    await submit(page, js, 'button[value="next"]');
    await expectText(page, 'Please choose an answer to this question.');
    await page.locator('fieldset.scale input[value="4"]').check();
    await page.locator('input[type="checkbox"]').first().check();
    await page.locator('fieldset >> nth=2 >> input[type="radio"] >> nth=0').check();
    await submit(page, js, 'button[value="next"]');
    await expectText(page, 'Page 2 of 2');
    await page.fill('input[type="text"][name^="q"]', 'Long');
    await submit(page, js, 'button[value="save"]');
    await expectText(page, 'Your answers are saved');
    await page.click('a:text("How do your reviews feel?")');
    await page.waitForLoadState();
    await expectText(page, 'Page 2 of 2');
    if ((await page.inputValue('input[type="text"][name^="q"]')) !== 'Long') throw new Error('the saved answer is not back');
    await page.fill('textarea[name^="q"]', 'Please start on time.');
    await firstScreen(page, 'consultation-answer');
    await submit(page, js, 'button[value="send"]');
    await expectText(page, 'Your answers are sent');
    await shot(page, 'consultation-sent');
    const staff = await newContext(ctx.browser, js);
    const w = await staff.newPage();
    await signIn(w, js, base, 'Priya Shah', 'worker-demo-2026');
    await visit(w, js, base, '/consultations/manage');
    await visit(w, js, base, '/consultations/manage/1/results');
    await expectText(w, 'fewer than');
    await shot(w, 'consultation-results');
    await visit(w, js, base, '/consultations/manage/2');
    await visit(w, js, base, '/consultations/manage/2/preview');
    await staff.close();
    await visit(page, js, base, '/we-asked');
    await expectText(page, 'We did');
  },

  // Actions that finish: on a phone, a young person who raised the
  // leisure pass follows the message to "Did it happen?", sends an
  // answer (an empty one is refused in words), changes it, and sees the
  // done action on You said, we did.
  async 'did it happen on a phone'(ctx, js, base) {
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, js, base, 'Jaden', 'kite-river-42');
    await visit(page, js, base, '/notifications');
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Did it happen?")')]);
    if (js) { await axeCheck(page, 'did it happen'); await phoneCheck(page, 'did it happen'); }
    await expectText(page, 'Did it happen for you?');
    await onFirstScreen(page, 'label[for="a-yes"]');
    const tap = await page.locator('.choice-row .radio').first().boundingBox();
    if (tap.height < 44) throw new Error(`the answers are ${tap.height} px tall, under 44`);
    await firstScreen(page, 'did-it-happen');
    await submit(page, js, 'form[action$="/happened"] button[type="submit"]');
    await expectText(page, 'Choose one answer');
    await page.check('#a-partly');
    await submit(page, js, 'form[action$="/happened"] button[type="submit"]');
    await expectText(page, 'Your answer is saved');
    if (!await page.isChecked('#a-partly')) throw new Error('the answer was not kept');
    await page.check('#a-yes');
    await submit(page, js, 'form[action$="/happened"] button[type="submit"]');
    if (!await page.isChecked('#a-yes')) throw new Error('the answer did not change');
    await firstScreen(page, 'did-it-happen-saved');
    await visit(page, js, base, '/you-said-we-did');
    await expectText(page, 'Done on');
    await expectText(page, 'It is late');
    const done = page.locator('li.outcome:has-text("Leisure passes were posted")');
    await done.scrollIntoViewIfNeeded();
    await done.screenshot({ path: join(shots, 'you-said-done-360.png') });
    const late = page.locator('li.outcome:has-text("New social worker visits")');
    await late.scrollIntoViewIfNeeded();
    await late.screenshot({ path: join(shots, 'you-said-late-360.png') });
  },

  // The connection drops as Send is pressed: the phone shows its own
  // error page, and Back brought the form back empty. With JavaScript
  // the words are kept in the tab (sessionStorage) and put back with a
  // note; sent for real, they are gone; a password is never kept, and
  // signing out leaves nothing. The script breaks no rule of the page's
  // Content-Security-Policy.
  async 'words kept when the send fails'(ctx, js, base) {
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    const problems = [];
    page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    const kept = () => (js ? page.evaluate(() => JSON.stringify(sessionStorage)) : '{}');
    await visit(page, false, base, '/login');
    await page.fill('#name', 'Jaden');
    await page.fill('#password', 'kite-river-42');
    await page.waitForTimeout(600);
    if ((await kept()).includes('kite-river-42')) throw new Error('the password is in sessionStorage');
    await submit(page, false, 'form[action="/login"] button');
    if ((await kept()).includes('kite-river-42')) throw new Error('the password is in sessionStorage');

    const title = 'Bus passes in the holidays';
    const words = 'Our bus passes stop in the holidays,\nso we cannot get to college or see our friends.';
    const send = 'form[action="/views/new"] button[type="submit"]:not([name])';
    await visit(page, js, base, '/views/new');
    await page.check('input[name="category"]');
    await page.fill('#title', title);
    await page.fill('#body', words);
    await page.check('#pub-no');
    if (js) {
      // Held, then dropped, as a lost connection would. (Routed on the
      // context: a navigation held by page.route closes the page.)
      let drop;
      const held = new Promise((resolve) => { drop = resolve; });
      await ctx.route('**/views/new', async (r) => {
        if (r.request().method() !== 'POST') return r.continue();
        await held;
        return r.abort('internetdisconnected');
      });
      // The button's words as the send leaves, noted by a listener that
      // runs after enhance.js's (a page whose send is held cannot be
      // read reliably meanwhile).
      await page.evaluate((sel) => document.addEventListener('submit', () => {
        sessionStorage.setItem('test:label', document.querySelector(sel).textContent.trim());
      }), send);
      const failed = page.waitForEvent('framenavigated', (f) => f.url().startsWith('chrome-error:'));
      await page.click(send, { noWaitAfter: true });
      drop();
      await failed;
      await ctx.unroute('**/views/new');
      // Back leaves Chrome's error page for the page before the form (the
      // form's entry was replaced): the words wait in the tab, and come
      // back when the form is opened again.
      await page.goBack();
      if (await page.evaluate(() => sessionStorage.getItem('test:label')) !== 'Sending\u2026') throw new Error('the button did not say it was sending');
      if (!(await kept()).includes('cannot get to college')) throw new Error('the words were not kept in the tab');
      await page.click('summary.menu-button');
      await submit(page, js, '.site-nav a[href="/views/new"]');
      await page.waitForSelector('[data-words-back] p');
      await expectText(page, 'We put back what you typed before. Check it, then press Send again.');
      if (await page.inputValue('#title') !== title) throw new Error('the title did not come back after the send failed');
      if (await page.inputValue('#body') !== words) throw new Error('the words did not come back after the send failed');
      if ((await page.textContent(send)).trim() !== 'Send my view') throw new Error('the button still says it is sending');
      await journeyCheck(page, 'the form with its words put back');
      await firstScreen(page, 'words-back');
      // Refused (nothing chosen): the server shows the words again itself,
      // so no note, and they are still kept until it takes them.
      await submit(page, js, send);
      await expectText(page, 'There is a problem');
      if (await page.locator('[data-words-back]').count()) throw new Error('a note on a form the server filled in');
      if (await page.inputValue('#body') !== words) throw new Error('the refused form lost its words');
      if (!(await kept()).includes('cannot get to college')) throw new Error('a refused send forgot the words');
      await page.check('input[name="category"]');
      await page.check('#pub-no');
    }
    await submit(page, js, send);
    await expectText(page, 'We got your view');
    await visit(page, js, base, '/views/new');
    if (await page.inputValue('#title') !== '' || await page.inputValue('#body') !== '') throw new Error('the words sent came back on a new form');
    if (await page.locator('[data-words-back]').count()) throw new Error('a note says words were put back on a new form');
    if ((await kept()).includes('Bus passes')) throw new Error('the words sent are still in sessionStorage');

    // Signing out leaves nothing typed in the tab.
    await page.fill('#body', 'Half a thought');
    await page.waitForTimeout(600);
    if (js && !(await kept()).includes('Half a thought')) throw new Error('typed words are not kept');
    await page.click('summary.menu-button');
    await submit(page, false, 'form[action="/logout"] button');
    if ((await kept()).includes('Half a thought')) throw new Error('words are kept after signing out');
    if (problems.length) throw new Error(problems[0]);
  },
};

// Every page each role can GET, and one of each kind of detail page
// (the first link of its kind on the page listed before it): axe at
// desktop and phone widths, and no sideways scroll at 320 px. One
// context per role, one page reused; JavaScript on only (axe needs it).
const everyPage = [
  [null, null, ['/', '/views/new', '/track', '/pledge', '/pledge/', '/pledge/scorecard',
    '/pledge/versions', '/pledge/draft', '/you-said-we-did', '/we-asked', '/councillors', '/login',
    '/join', '/meetings', '/no-such-page']],
  ['Jaden', 'kite-river-42', ['/', '/welcome', '/views', '/views/', '/views/new',
    '/pledge/check', '/notifications', '/account', '/account/data',
    '/consultations', '/consultations/', '/meetings', '/meetings/', '/pledge',
    '/pledge/', '/pledge/scorecard']],
  ['Priya Shah', 'worker-demo-2026', ['/start', '/moderation', '/moderation/',
    '/moderation/comments', '/safeguarding', '/safeguarding/', '/issues', '/issues/',
    '/accounts', '/accounts/', '/paper-form', '/pledge/manage',
    '/pledge/manage/promise', '/meetings', '/meetings/?', '/notifications',
    '/reports/board', '/account', '/actions', '/actions/', '/consultations/manage',
    '/consultations/manage/']],
  ['Cllr Sam Okafor', 'councillor-demo-2026', ['/start', '/my-issues', '/my-issues/',
    '/my-pledges', '/actions', '/meetings']],
  ['Alex Morgan', 'admin-demo-2026', ['/start', '/accounts', '/admin/audit',
    '/admin/safeguarding', '/admin/holidays', '/admin/settings', '/admin/outbox',
    '/admin/glossary']],
];

async function everyPageOfEachRole(browser, base) {
  for (const [name, pw, paths] of everyPage) {
    const ctx = patient(await browser.newContext());
    const page = await ctx.newPage();
    if (name) await signIn(page, false, base, name, pw);
    let listed = null;
    for (const path of paths) {
      let target = path;
      // "/x/": the first detail link of that kind on the page before
      // ("/x/?": if there is one; the demo council may have none).
      if (/.\/\??$/.test(path)) {
        const prefix = path.replace(/\?$/, '');
        const href = await listed.locator(`a[href^="${prefix}"]`).evaluateAll(
          (as) => as.map((a) => a.getAttribute('href')).find((h) => /\/[0-9]+(\/view)?$/.test(h)));
        if (!href && path.endsWith('?')) continue;
        if (!href) throw new Error(`no ${prefix}ID link on ${listed.url()}`);
        target = href;
      }
      const t0 = Date.now();
      const res = await page.goto(base + target);
      if (res.status() >= 500) throw new Error(`${target} answered ${res.status()} for ${name || 'a visitor'}`);
      await axeCheck(page, `${target} (${name || 'visitor'})`);
      await phoneCheck(page, `${target} (${name || 'visitor'})`);
      if (process.env.JOURNEY_TIMES) console.log(`  ${target}: ${Date.now() - t0} ms`);
      listed = page;
    }
    await ctx.close();
  }
}

// Tab from the top of a page reaches every control listed, each with a
// visible focus outline, in the order they are listed.
async function tabThrough(page, want) {
  const seen = [];
  for (let i = 0; i < 200 && !seen.includes(want[want.length - 1]); i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const e = document.activeElement;
      if (e === document.body || e === null) return { wrapped: true };
      const s = getComputedStyle(e);
      return { id: e.id ? `#${e.id}` : `${e.tagName}:${e.textContent.trim().replace(/\s+/g, ' ').slice(0, 60)}`,
        style: `${s.outlineStyle} ${s.outlineWidth} ${s.boxShadow}`,
        visible: s.outlineStyle !== 'none' && s.outlineWidth !== '0px' };
    });
    // Past the last control focus leaves the page: every control was seen.
    if (f.wrapped) break;
    if (!f.visible) throw new Error(`at ${page.url()}: no visible focus on ${f.id} (${f.style})`);
    seen.push(f.id);
  }
  let at = -1;
  for (const w of want) {
    const i = seen.indexOf(w);
    if (i < 0) throw new Error(`at ${page.url()}: Tab never reached ${w} (reached ${seen.join(', ')})`);
    if (i < at) throw new Error(`${w} comes out of order on ${page.url()}`);
    at = i;
  }
}

// The main forms, by keyboard alone.
async function keyboard(browser, base) {
  const ctx = patient(await browser.newContext());
  const page = await ctx.newPage();
  await page.goto(base + '/login');
  await tabThrough(page, ['#name', '#password', 'BUTTON:Sign in']);
  await page.goto(base + '/join');
  await tabThrough(page, ['#code', 'BUTTON:Continue']);
  await signIn(page, false, base, 'Jaden', 'kite-river-42');
  await page.goto(base + '/views/new');
  await tabThrough(page, ['#cat-1', '#title', '#body', '#better', '#share',
    '#pub-no', 'BUTTON:Send my view']);
  await page.goto(base + '/pledge/check');
  // Tab enters each group of radios once; its comment box follows it.
  const first = await page.getAttribute('form[action="/pledge/check"] textarea', 'id');
  await tabThrough(page, [`#${first}`, '#save']);
  await ctx.close();
  const c2 = patient(await browser.newContext());
  const p2 = await c2.newPage();
  await signIn(p2, false, base, 'Cllr Sam Okafor', 'councillor-demo-2026');
  // The first issue still waiting for an answer (the journeys before
  // this one answered some).
  await p2.goto(base + '/my-issues');
  const links = await p2.locator('.item-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  let form = false;
  for (const href of links) {
    await p2.goto(base + href);
    if (await p2.locator('#d-agreed').count()) { form = true; break; }
  }
  if (!form) throw new Error(`no issue on /my-issues has an answer form (${links.join(', ')})`);
  await tabThrough(p2, ['#d-agreed', '#text', '#reason', '#new_due',
    '#action_text', '#action_owner', '#action_due',
    'BUTTON:Check how easy it is to read', 'BUTTON:Send my answer']);
  await c2.close();
}

async function run(name, fn) {
  if (only && !only.split(',').some((o) => name.includes(o))) return;
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    console.log(`ok     ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed++;
    console.log(`FAILED ${name}: ${e.message.split('\n')[0]}`);
  }
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
// JavaScript on, JavaScript off, and the every-page checks,
// all at once, each with its own server and database: they share nothing
// but the browser.
async function pass(js) {
  const server = await startServer();
  for (const [name, fn] of Object.entries(journeys)) {
    // JOURNEY=NAME runs the journeys whose name holds NAME only.
    if (process.env.JOURNEY && !name.includes(process.env.JOURNEY)) continue;
    const ctx = await newContext(browser, js);
    await run(`${name}, JavaScript ${js ? 'on' : 'off'}`, () => fn(ctx, js, server.base));
    await ctx.close();
  }
  // The keyboard check follows the journeys: it answers the issue the
  // worker's check sent back.
  if (js && !process.env.JOURNEY) await run('keyboard only: the main forms', () => keyboard(browser, server.base));
  server.stop();
}
async function pages() {
  if (process.env.JOURNEY) return;
  const server = await startServer();
  await run('every page of each role: axe at both widths, 320 px reflow', () => everyPageOfEachRole(browser, server.base));
  server.stop();
}
await Promise.all([pass(true), pass(false), pages()]);
await browser.close();
console.log(`screenshots in ${shots}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
