// No input can crash the module (the embedding contract). Annotations
// stacked thousands deep over one stretch used to be drawn as thousands of
// nested elements, which overflowed the wasm stack (`RuntimeError: memory
// access out of bounds`); after that no instance on the page answered.
// Here: 3,000 imported W3C annotations over the same five characters in one
// of two instances on a page, and a pasted chain of colon quotes ("He said:
// He said: …") that survives a reload in the stand-alone page. The article
// must draw them capped (at most MAX_LAYERS = 8 nested highlights, the
// count of the rest as one mark), with no page error, and keep answering.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DIST, openPage, pasteAndWait, startApp } from './support/app.mjs';

/** isnad_engine::render::MAX_LAYERS: the deepest a run's highlights nest. */
const MAX_LAYERS = 8;

let app;
before(async () => {
  app = await startApp();
  if (!existsSync(path.join(DIST, 'examples', 'two-instances.html'))) {
    throw new Error(`${DIST} has no examples/: rebuild with \`TRUNK_OFFLINE=true trunk build --release\``);
  }
});
after(async () => {
  await app?.close();
});

/** Polls `check` until it returns something truthy; fails with `what` after `timeout` ms. */
async function until(check, what, timeout = 30_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const result = await check().catch((error) => {
      // A crashed module throws from every call: report it, not a timeout.
      throw new Error(`while waiting until ${what}: ${error.message}`);
    });
    if (result) return result;
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Page errors and console errors, less Chromium's own /favicon.ico 404. */
const errors = (page) => page.errorLog.filter((e) => !/\/favicon\.ico\)?$/.test(e));

/**
 * In the shadow root of the host inside `editor` (a selector), or in the
 * page when `editor` is null: how many highlight elements there are, how
 * deep they nest at most, and every element marked with a stacked count.
 * (No eval: the example pages forbid it.)
 */
async function highlightShape(page, editor = null) {
  return page.evaluate((selector) => {
    const root = selector ? document.querySelector(`${selector} .isnad-host`).shadowRoot : document;
    const all = [...root.querySelectorAll('#isnad-article .hl')];
    let deepest = 0;
    for (const el of all) {
      let depth = 0;
      for (let at = el; at && at.matches('.hl'); at = at.parentElement) depth++;
      deepest = Math.max(deepest, depth);
    }
    const stacked = [...root.querySelectorAll('#isnad-article [data-stacked]')].map((el) => ({
      count: el.dataset.stacked,
      text: el.textContent,
      badge: getComputedStyle(el, '::after').content,
      innermost: !el.querySelector('.hl'),
    }));
    const article = root.querySelector('#isnad-article');
    return {
      count: all.length,
      deepest,
      stacked,
      text: article?.textContent ?? '',
      paragraphs: root.querySelectorAll('#isnad-article .para').length,
      words: (article?.textContent ?? '').split(/\s+/).filter(Boolean).length,
    };
  }, editor);
}

describe('3,000 W3C annotations over five characters, in one of two instances', () => {
  let page;
  const call = (name, method, ...args) =>
    page.evaluate(([n, m, a]) => window.isnadExample.handles[n][m](...a), [name, method, args]);

  before(async () => {
    page = await app.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    page.errorLog = [];
    page.on('pageerror', (error) => page.errorLog.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') page.errorLog.push(`${message.text()} (${message.location().url})`);
    });
    await page.goto(`${app.server.url}/examples/two-instances.html`, { waitUntil: 'load' });
    for (const name of ['first', 'second']) {
      await page.locator(`#${name}-status:not([data-state="loading"])`).waitFor({ timeout: 30_000 });
      assert.equal(await page.locator(`#${name}-status`).getAttribute('data-state'), 'ready');
    }
  });
  after(() => page?.close());

  it('draws one capped highlight with the count of the rest, and both instances keep answering', async () => {
    const text = 'قال الوزير إن البلد سيستضيف المحادثات غداً.';
    const word = 'البلد';
    assert.equal([...word].length, 5);
    await call('first', 'setText', text);
    await until(async () => (await call('first', 'getAnnotations')).document.text === text, 'the first instance has the text');

    const start = [...text.slice(0, text.indexOf(word))].length;
    const items = Array.from({ length: 3000 }, (_, i) => ({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:example:stack:${i}`,
      type: 'Annotation',
      motivation: 'highlighting',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'claim' },
        { type: 'TextualBody', purpose: 'commenting', value: `note ${i}` },
      ],
      target: {
        selector: [
          { type: 'TextQuoteSelector', exact: word },
          { type: 'TextPositionSelector', start, end: start + 5 },
        ],
      },
    }));
    const collection = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: items.length,
      first: { type: 'AnnotationPage', items },
    };
    const result = await call('first', 'setAnnotations', collection);
    const { placed, orphans } = typeof result === 'string' ? JSON.parse(result) : result;
    assert.equal(placed, 3000);
    assert.deepEqual(orphans, []);

    // The article shows the five characters once, under at most MAX_LAYERS
    // nested highlights, the innermost carrying the count of the rest.
    const shape = await until(async () => {
      const s = await highlightShape(page, '#first-editor');
      return s.stacked.length > 0 ? s : null;
    }, 'the stacked highlight is drawn');
    assert.deepEqual(
      shape.stacked.map(({ count, text: shown, innermost }) => ({ count, shown, innermost })),
      [{ count: String(3000 - MAX_LAYERS), shown: word, innermost: true }],
    );
    assert.match(shape.stacked[0].badge, new RegExp(`\\+${3000 - MAX_LAYERS}`), 'a visible badge with the count');
    assert.equal(shape.deepest, MAX_LAYERS);
    assert.equal(shape.count, MAX_LAYERS);
    // The badge is not text: the article still reads as the text.
    assert.equal(shape.text, text);
    // Every annotation is still in the data.
    const file = await call('first', 'getAnnotations');
    assert.equal(file.annotations.length, 3000);
    assert.equal((await call('first', 'getAnnotations', 'w3c')).first.items.length, 3000);

    // The second instance still answers.
    const other = '"We will keep every school open," the minister said on Monday.\nUnemployment fell to 4.1% in March.';
    await call('second', 'setText', other);
    await until(async () => (await call('second', 'getAnnotations')).document.text === other, 'the second instance has its new text');
    await until(async () => (await call('second', 'getAnnotations')).annotations.length > 0, 'the second instance analysed it');
    await until(async () => (await highlightShape(page, '#second-editor')).count > 0, 'the second instance draws it');
    // And so does the first.
    await call('first', 'setText', 'Prices rose 4.5% in May.');
    await until(async () => (await call('first', 'getAnnotations')).document.text === 'Prices rose 4.5% in May.', 'the first instance takes a new text');
    assert.deepEqual(errors(page), []);
  });
});

describe('a pasted chain of colon quotes, reloaded in the stand-alone page', () => {
  it('renders capped after the reload and keeps answering', async () => {
    const page = await openPage(app, { locale: 'en-US' });
    const chain = 'He said: '.repeat(500).trim();
    await pasteAndWait(page, chain);
    // Autosave has the text, so the reload brings it back (where a crash
    // used to strike again on every load).
    await page.waitForFunction(
      (t) => {
        const open = localStorage.getItem('isnad:open');
        return open && (localStorage.getItem(`isnad:doc:${open}`) ?? '').includes(t);
      },
      chain.slice(0, 200),
      { timeout: 30_000 },
    );
    await page.reload();
    await page.locator('#isnad-text').waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('#isnad-article .para').first().waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('#isnad-text').inputValue(), chain);
    const shape = await highlightShape(page);
    assert.ok(shape.paragraphs >= 1);
    assert.ok(shape.deepest <= MAX_LAYERS, `highlights nest ${shape.deepest} deep`);
    // At most MAX_LAYERS elements per stretch, and stretches are words and
    // the gaps between them: bounded by the text, not by the depth of the
    // quotes (uncapped, this chain made about 500,000).
    assert.ok(
      shape.count <= MAX_LAYERS * (2 * shape.words + shape.paragraphs),
      `${shape.count} highlight elements for ${shape.words} words`,
    );
    // The page answers: a new text is analysed and drawn in place of it.
    const next = 'Prices rose 4.5% in May, according to the statistics office.';
    await page.locator('#isnad-text').fill('');
    await pasteAndWait(page, next);
    await page.waitForFunction((t) => document.querySelector('#isnad-article')?.textContent === t, next);
    await page.locator('#isnad-article [data-kind="claim"]').first().waitFor({ timeout: 30_000 });
    assert.deepEqual(errors(page), []);
    await page.close();
  });
});

describe('a document that did not finish opening', () => {
  it('is not reopened by itself at the next start, but offered once in safe mode', async () => {
    const page = await openPage(app, { locale: 'en-US' });
    const text = '"We will not back down," the minister said.\nPrices rose 4.5% in May.';
    await pasteAndWait(page, text);
    await page.waitForTimeout(700);
    await page.waitForFunction(() => localStorage.getItem('isnad:open'));
    // As if the last start had died while drawing it.
    await page.evaluate(() => localStorage.setItem('isnad:opening', localStorage.getItem('isnad:open')));
    await page.reload();
    await page.locator('#isnad-failed').waitFor();
    assert.equal(await page.locator('#isnad-text').inputValue(), '');
    await page.locator('#isnad-open-safely').click();
    await page.waitForFunction((t) => document.querySelector('#isnad-text')?.value === t, text);
    await page.locator('#isnad-safe-mode').waitFor();
    assert.equal(await page.locator('#isnad-article').count(), 0);
    assert.ok(await page.locator('#isnad-quotes li[data-kind="quote"]').count());
    // Drawn once without trouble: the next start opens it as usual.
    await page.reload();
    await page.locator('#isnad-article [data-annotation-id]').first().waitFor();
    assert.equal(await page.locator('#isnad-failed').count(), 0);
    assert.deepEqual(page.errorLog, []);
    await page.close();
  });
});
