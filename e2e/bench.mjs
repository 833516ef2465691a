// Measures the editor's budgets in headless Chromium against the release
// build and prints the figures (no assertions: budgets are read, not
// tested). Run with scripts/bench-web.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { DIST, SHARED, openPage, paste, startApp } from './support/app.mjs';

/** Milliseconds from dispatching a paste until highlights are in the article. */
async function pasteToHighlights(page, text) {
  await page.locator('#isnad-text').fill('');
  return page.evaluate(async (pasted) => {
    const textarea = document.querySelector('#isnad-text');
    textarea.focus();
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    const started = performance.now();
    textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    while (!document.querySelector('#isnad-article [data-annotation-id]')) {
      await new Promise((r) => requestAnimationFrame(r));
    }
    // One more frame: the highlights are painted.
    await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - started;
  }, text);
}

/** Median of `runs` measurements. */
async function median(runs, measure) {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await measure());
  all.sort((a, b) => a - b);
  return all[Math.floor(all.length / 2)];
}

const app = await startApp();
try {
  const page = await openPage(app, { locale: 'en-US' });
  const figures = [];

  const karabakhFile = path.join(SHARED, 'fixtures', 'ar-karabakh-wire.txt');
  const karabakh = readFileSync(karabakhFile, 'utf8');
  figures.push(['Karabakh fixture: paste → highlights on screen (median of 5)', `${(await median(5, () => pasteToHighlights(page, karabakh))).toFixed(0)} ms`, '≤ 100 ms']);

  // A 10,000-word article made of the dev articles, read at run time.
  const devDir = path.join(SHARED, 'fixtures', 'dev');
  const dev = readdirSync(devDir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(path.join(devDir, f), 'utf8')).text);
  let long = '';
  for (let i = 0; long.split(/\s+/).length < 10_000; i++) long += dev[i % dev.length] + '\n\n';
  figures.push([`${long.split(/\s+/).length}-word article: paste → highlights (median of 3)`, `${(await median(3, () => pasteToHighlights(page, long))).toFixed(0)} ms`, '≤ 500 ms']);

  // Scrolling that article: frame intervals while the wheel scrolls it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(500, 500);
  const frames = page.evaluate(() => new Promise((resolve) => {
    const gaps = [];
    let last = performance.now();
    const end = last + 3000;
    const tick = (now) => {
      gaps.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick);
      else resolve(gaps);
    };
    requestAnimationFrame(tick);
  }));
  for (let i = 0; i < 60; i++) {
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(40);
  }
  const gaps = (await frames).sort((a, b) => a - b);
  const p95 = gaps[Math.floor(gaps.length * 0.95)];
  const slow = gaps.filter((g) => g > 34).length;
  figures.push([`scrolling it (wheel, 3 s): 95th-percentile frame interval; frames over 34 ms`, `${p95.toFixed(1)} ms; ${slow} of ${gaps.length}`, 'smooth']);

  // One edit on a document with about 1,000 annotations.
  const lines = [];
  for (let i = 0; i < 500; i++) lines.push(`Officials said prices rose ${i}.5% in region ${i}, according to the statistics office.`);
  await pasteToHighlights(page, lines.join('\n'));
  const count = await page.locator('#isnad-article [data-role="content"]').evaluateAll((els) => new Set(els.map((e) => e.dataset.annotationId)).size);
  const rounds = [];
  for (let i = 0; i < 7; i++) {
    await page.locator('#isnad-article [data-kind="claim"]').first().click();
    await page.waitForSelector('#isnad-article .selected');
    rounds.push(await page.evaluate(async () => {
      const article = document.querySelector('#isnad-article');
      article.focus();
      // The re-render ends with its last DOM change; the observer then
      // forces style and layout, so "laid out" includes them. "Next frame"
      // is when the browser can paint (frames come every ~16.7 ms).
      let laidOut = 0;
      const observer = new MutationObserver(() => {
        void document.body.offsetHeight;
        laidOut = performance.now();
      });
      observer.observe(document.querySelector('#isnad-results'), { subtree: true, childList: true, attributes: true, characterData: true });
      const started = performance.now();
      article.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true }));
      let frame = 0;
      await new Promise((r) => requestAnimationFrame(() => { frame = performance.now(); setTimeout(r, 0); }));
      observer.disconnect();
      const result = { laidOut: laidOut - started, frame: frame - started };
      // Put it back for the next round.
      document.querySelector('#isnad-undo').click();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return result;
    }));
  }
  const middle = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  figures.push([`one edit (delete), ${count} annotations: DOM updated and laid out (median of 7)`, `${middle(rounds.map((r) => r.laidOut)).toFixed(1)} ms`, '≤ 16 ms']);
  figures.push([`one edit (delete), ${count} annotations: until the next frame (median of 7)`, `${middle(rounds.map((r) => r.frame)).toFixed(1)} ms`, '(frame every 16.7 ms)']);

  // Release size.
  const files = readdirSync(DIST).filter((f) => /\.(wasm|js|css)$/.test(f));
  const gzip = files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(DIST, f)), { level: 9 }).length, 0);
  figures.push(['release wasm + JS + CSS, gzip -9', `${(gzip / 1024).toFixed(0)} KiB (${gzip} B)`, '≤ 400 KB']);

  for (const [what, value, budget] of figures) console.log(`${what.padEnd(70)} ${value.padStart(16)}   budget ${budget}`);
  await page.close();
} finally {
  await app.close();
}
