// Shared set-up for the e2e tests: the release build, the browser, the
// page, a real paste, and the shared fixtures.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '..', '..');
export const DIST = process.env.ISNAD_DIST ?? path.join(REPO, 'dist');
export const SHARED = process.env.ISNAD_SHARED ?? path.resolve(REPO, '..', 'shared');
export const ARTIFACTS = path.join(REPO, 'e2e', 'artifacts');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * Reads a file from ../shared/fixtures. Returns { text } or, when ../shared
 * is missing, { skip: message }; with CI=true a missing file throws instead.
 */
export function sharedFixture(name) {
  const file = path.join(SHARED, 'fixtures', name);
  if (existsSync(file)) return { text: readFileSync(file, 'utf8') };
  const message = `needs ${file} (the read-only ../shared folder beside the repo), which is missing`;
  if (process.env.CI === 'true') throw new Error(`CI=true: ${message}`);
  return { skip: message };
}

/** Serves the release build and launches Chromium. */
export async function startApp() {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`no release build in ${DIST}: run \`TRUNK_OFFLINE=true trunk build --release\` (scripts/test does)`);
  }
  if (readFileSync(path.join(DIST, 'index.html'), 'utf8').includes('__trunk_address__')) {
    throw new Error(`${DIST} holds a \`trunk serve\` build (with live reload): run \`TRUNK_OFFLINE=true trunk build --release\``);
  }
  const server = await serveStatic(DIST);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Opens the page (optionally with a browser `locale`, which sets
 * navigator.languages) and waits for the app to mount. Records every request the
 * page makes in `page.requestLog` and page errors in `page.errorLog`.
 */
export async function openPage(app, { locale } = {}) {
  const page = await app.browser.newPage({ viewport: { width: 1100, height: 900 }, locale });
  page.requestLog = [];
  page.errorLog = [];
  page.on('request', (request) => page.requestLog.push(request.url()));
  page.on('pageerror', (error) => page.errorLog.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') page.errorLog.push(message.text());
  });
  await page.goto(app.server.url + '/', { waitUntil: 'load' });
  await page.locator('#isnad-text').waitFor({ state: 'visible', timeout: 30_000 });
  return page;
}

/**
 * Pastes `text` into the article textarea the way a browser delivers a
 * paste: a ClipboardEvent carrying a DataTransfer with a text/plain flavour,
 * so the page's paste handler runs. `html` adds a text/html flavour, as a
 * copy from a web page has; `text` may be null for an HTML-only clipboard.
 */
export async function paste(page, text, { html } = {}) {
  const textarea = page.locator('#isnad-text');
  await textarea.focus();
  await textarea.evaluate((element, [pasted, markup]) => {
    const data = new DataTransfer();
    if (pasted !== null) data.setData('text/plain', pasted);
    if (markup) data.setData('text/html', markup);
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, [text, html ?? null]);
}

/** Pastes `text` and waits for the results' status line. */
export async function pasteAndWait(page, text) {
  await paste(page, text);
  await page.locator('#isnad-status').waitFor({ state: 'visible', timeout: 30_000 });
}

/** Saves a full-page screenshot to e2e/artifacts/`name`. */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  // Off-screen paragraphs and rows skip rendering (content-visibility:
  // auto); a full-page picture needs them drawn.
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('.article .para, .list li')) el.style.contentVisibility = 'visible';
  });
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
}

/** The listed rows of one kind: [{ id, text, speaker, cue, form }]. */
export async function rows(page, kind) {
  return page.locator(`#isnad-results li[data-kind="${kind}"]`).evaluateAll((items) =>
    items.map((li) => ({
      id: li.dataset.annotationId,
      text: li.querySelector('.content')?.textContent ?? '',
      speaker: li.querySelector('.speaker dd')?.textContent ?? '',
      cue: li.querySelector('.cue dd')?.textContent ?? '',
      form: li.querySelector('.form dd')?.textContent ?? '',
      categories: [...li.querySelectorAll('.category')].map((c) => c.textContent),
    })),
  );
}

/** The speaker list entries: [{ name, title, count }]. */
export async function speakers(page) {
  return page.locator('#isnad-speakers li[data-speaker-id]').evaluateAll((items) =>
    items.map((li) => ({
      name: li.querySelector('.name')?.textContent ?? '',
      title: li.querySelector('.title')?.textContent ?? '',
      count: li.querySelector('.count')?.textContent ?? '',
    })),
  );
}

/** Selects the first occurrence of `needle` inside the article text. */
export async function selectInArticle(page, needle) {
  await page.evaluate((needle) => {
    const article = document.querySelector('#isnad-article');
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    // Collect text nodes with their offsets in the article's text.
    const nodes = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push([n, all.length]);
      all += n.textContent;
    }
    const at = all.indexOf(needle);
    if (at < 0) throw new Error(`${needle} not in the article`);
    const locate = (pos) => {
      for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i][1] <= pos) return [nodes[i][0], pos - nodes[i][1]];
      return [nodes[0][0], 0];
    };
    const range = document.createRange();
    range.setStart(...locate(at));
    range.setEnd(...locate(at + needle.length));
    article.focus();
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }, needle);
}
