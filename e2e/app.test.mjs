// End-to-end tests of the isnad page, driven as a user would: load it,
// paste an article, read the lists. Run by scripts/test against the release
// build (`node --test` in e2e/).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  openPage,
  paste,
  pasteAndWait,
  rows,
  screenshot,
  sharedFixture,
  speakers,
  startApp,
} from './support/app.mjs';

const ARABIC_LETTER = /[\u0600-\u06FF]/;

/** Every element in the app whose own text holds Arabic letters. */
async function arabicTextElements(page) {
  return page.locator('#isnad-app *').evaluateAll((elements) =>
    elements
      .filter((el) =>
        [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && /[\u0600-\u06FF]/.test(n.textContent)),
      )
      .filter((el) => !el.matches('option')) // the language select's own labels
      .map((el) => ({
        tag: el.tagName.toLowerCase(),
        // Highlights inside a paragraph take its direction: the nearest
        // element with a dir attribute must say auto.
        dir: el.closest('[dir]')?.getAttribute('dir'),
        rtl: el.matches(':dir(rtl)'),
        // dir="auto" follows the first strong letter: Arabic → right-to-left.
        arabicFirst: /^[^\p{L}]*[\u0600-\u06FF]/u.test(el.textContent),
        text: el.textContent.slice(0, 40),
      })),
  );
}

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

describe('empty page', () => {
  let page;
  before(async () => {
    page = await openPage(app);
  });
  after(() => page?.close());

  it('mounts into #isnad-app with the form', async () => {
    assert.equal(await page.locator('#isnad-app h1').textContent(), 'isnad');
    assert.equal(await page.locator('body > main').count(), 0, 'the app mounts into its div, not body');
    assert.equal(await page.getByLabel('Article text').getAttribute('dir'), 'auto');
    const options = await page.locator('#isnad-language-select option').evaluateAll((o) => o.map((x) => x.value));
    assert.deepEqual(options, ['auto', 'ar', 'en', 'fr']);
    assert.ok(await page.getByRole('button', { name: 'Analyse' }).isVisible());
  });

  it('shows a hint, not an empty result, when Analyse is pressed with no text', async () => {
    assert.ok(await page.locator('#isnad-hint').isVisible(), 'hint shown before any input');
    await screenshot(page, 'empty.png');
    await page.getByLabel('Article text').fill('   \n  ');
    await page.getByRole('button', { name: 'Analyse' }).click();
    assert.ok(await page.locator('#isnad-hint').isVisible(), 'hint shown for blank input');
    assert.equal(await page.locator('#isnad-results').count(), 0);
    assert.equal(await page.locator('[data-kind]').count(), 0);
  });

  it('analyses typed text on Analyse and returns to the hint when cleared', async () => {
    const textarea = page.getByLabel('Article text');
    await textarea.fill('The council met on Monday.');
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.locator('#isnad-status').waitFor({ state: 'visible' });
    assert.match(await page.locator('#isnad-status').textContent(), /Language: English \(detected\)/);
    await textarea.fill('');
    assert.ok(await page.locator('#isnad-hint').isVisible());
    assert.equal(await page.locator('#isnad-results').count(), 0);
  });

  it('inserts a paste at the caret, replacing the selection', async () => {
    const textarea = page.getByLabel('Article text');
    await textarea.fill('ab😀cd');
    // Select "😀c" (UTF-16 units 2..5).
    await textarea.evaluate((el) => el.setSelectionRange(2, 5));
    await paste(page, 'قال');
    assert.equal(await textarea.inputValue(), 'abقالd');
    const caret = await textarea.evaluate((el) => [el.selectionStart, el.selectionEnd]);
    assert.deepEqual(caret, [5, 5]);
    await page.locator('#isnad-status').waitFor({ state: 'visible' });
  });

  it('made no request to any other origin and logged no errors', () => {
    const foreign = page.requestLog.filter((url) => !url.startsWith(app.server.url + '/'));
    assert.deepEqual(foreign, []);
    assert.deepEqual(page.errorLog, []);
  });
});

let arabic;
let arabicError;
try {
  arabic = sharedFixture('ar-karabakh-wire.txt');
} catch (error) {
  arabicError = error;
}

describe('Arabic wire story (ar-karabakh-wire.txt)', { skip: arabic?.skip ?? false }, () => {
  let page;
  let requestsBeforePaste;
  before(async () => {
    if (arabicError) throw arabicError;
    page = await openPage(app);
    requestsBeforePaste = page.requestLog.length;
    await pasteAndWait(page, arabic.text);
    await screenshot(page, 'ar-karabakh.png');
  });
  after(() => page?.close());

  it('puts the whole pasted text in the textarea and detects Arabic', async () => {
    assert.equal(await page.getByLabel('Article text').inputValue(), arabic.text);
    assert.match(await page.locator('#isnad-status').textContent(), /Language: Arabic \(detected\)/);
  });

  it('gives every element showing article text dir="auto", and Arabic renders right-to-left', async () => {
    const textarea = page.getByLabel('Article text');
    assert.equal(await textarea.getAttribute('dir'), 'auto');
    assert.ok(await textarea.evaluate((el) => el.matches(':dir(rtl)')), 'textarea is right-to-left');
    const elements = await arabicTextElements(page);
    const missing = elements.filter((e) => e.dir !== 'auto');
    assert.deepEqual(missing, [], 'elements with article text but no dir="auto"');
    const ltr = elements.filter((e) => e.arabicFirst && !e.rtl);
    assert.deepEqual(ltr, [], 'Arabic text laid out left-to-right');
    assert.ok(elements.some((e) => e.arabicFirst && e.rtl), 'some listed Arabic text is right-to-left');
  });

  it('lists a quote by لو دريان with a cue containing قال', async () => {
    const quotes = await rows(page, 'quote');
    assert.ok(quotes.length > 0, 'no quotes listed');
    for (const q of quotes) assert.ok(q.text.trim().length > 0, `quote ${q.id} has no content`);
    const hit = quotes.find((q) => q.speaker.includes('لو دريان') && q.cue.includes('قال'));
    assert.ok(hit, `no quote with speaker ~ لو دريان and cue ~ قال in ${JSON.stringify(quotes)}`);
  });

  it('lists the speaker جان إيف لو دريان', async () => {
    const list = await speakers(page);
    assert.ok(
      list.some((s) => s.name.includes('جان إيف لو دريان')),
      `speakers: ${JSON.stringify(list)}`,
    );
  });

  it('lists at least 5 claims, each with a category', async () => {
    const claims = await rows(page, 'claim');
    assert.ok(claims.length >= 5, `only ${claims.length} claims`);
    for (const c of claims) assert.ok(c.categories.length > 0, `claim ${c.id} has no category`);
  });

  it('lists the "Written by" byline as page noise', async () => {
    const noise = await rows(page, 'boilerplate');
    const count = Number(await page.locator('#isnad-noise-title .count').textContent());
    assert.equal(count, noise.length, 'the count matches the items');
    assert.ok(
      noise.some((n) => n.text.includes('Written by')),
      `page noise: ${JSON.stringify(noise.map((n) => n.text))}`,
    );
  });

  it('gives every listed item a unique data-annotation-id', async () => {
    const ids = await page.locator('#isnad-results li[data-kind]').evaluateAll((items) => items.map((li) => li.dataset.annotationId));
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[qcb]\d+$/);
  });

  it('made no network request for the paste and analysis, and did not crash', async () => {
    assert.deepEqual(page.requestLog.slice(requestsBeforePaste), []);
    assert.deepEqual(page.errorLog, []);
    assert.equal(await page.locator('#isnad-crash').isVisible(), false);
  });
});

describe('English sample', () => {
  const SAMPLE =
    '"We will not back down," the minister said on Tuesday. Prices rose 4.5% in May, according to the statistics office.';
  let page;
  before(async () => {
    page = await openPage(app);
    await pasteAndWait(page, SAMPLE);
    await screenshot(page, 'en-sample.png');
  });
  after(() => page?.close());

  it('detects English and keeps the text left-to-right', async () => {
    assert.match(await page.locator('#isnad-status').textContent(), /Language: English \(detected\)/);
    assert.ok(await page.getByLabel('Article text').evaluate((el) => el.matches(':dir(ltr)')));
  });

  it('lists a quote spoken by "the minister"', async () => {
    const quotes = await rows(page, 'quote');
    const hit = quotes.find((q) => q.speaker.toLowerCase().includes('the minister'));
    assert.ok(hit, `quotes: ${JSON.stringify(quotes)}`);
    assert.ok(hit.text.includes('We will not back down'), `quote content: ${hit.text}`);
  });

  it('re-analyses in the chosen language when the select changes', async () => {
    await page.locator('#isnad-language-select').selectOption('fr');
    await page.waitForFunction(() => /French \(chosen\)/.test(document.querySelector('#isnad-status')?.textContent));
    await page.locator('#isnad-language-select').selectOption('auto');
    await page.waitForFunction(() => /English \(detected\)/.test(document.querySelector('#isnad-status')?.textContent));
  });
});

describe('pasted markup', () => {
  const PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">';
  const TEXT = `The mayor said: "${PAYLOAD}" on Monday.\n\n${PAYLOAD}`;
  let page;
  before(async () => {
    page = await openPage(app);
    await pasteAndWait(page, TEXT);
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.waitForTimeout(300); // an injected onerror would have fired by now
  });
  after(() => page?.close());

  it('runs nothing', async () => {
    assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined');
    assert.equal(await page.locator('#isnad-app script, #isnad-app img').count(), 0);
    assert.ok(!page.requestLog.some((url) => url.endsWith('/x')), 'the <img src=x> was never loaded');
  });

  it('shows the markup literally', async () => {
    assert.equal(await page.getByLabel('Article text').inputValue(), TEXT);
    const shown = await page.locator('#isnad-results li[data-kind] .content').allTextContents();
    for (const text of shown.filter((t) => t.includes('<'))) {
      assert.ok(TEXT.includes(text), `shown text is not a literal slice: ${text}`);
    }
  });
});

describe('highlighted article', () => {
  let page;
  const arabic = sharedFixture('ar-karabakh-wire.txt');
  before(async () => {
    page = await openPage(app);
    if (!arabic.skip) await pasteAndWait(page, arabic.text);
  });
  after(() => page?.close());

  it('shows every paragraph with dir="auto" and highlights carrying their annotation', async (t) => {
    if (arabic.skip) return t.skip(arabic.skip);
    const paras = await page.locator('#isnad-article p.para').evaluateAll((ps) => ps.map((p) => p.getAttribute('dir')));
    assert.ok(paras.length >= 20, `${paras.length} paragraphs`);
    assert.ok(paras.every((d) => d === 'auto'));
    const hl = await page.locator('#isnad-article [data-annotation-id]').evaluateAll((els) =>
      els.map((e) => ({ id: e.dataset.annotationId, kind: e.dataset.kind, role: e.dataset.role })),
    );
    for (const kind of ['quote', 'claim', 'boilerplate']) {
      assert.ok(hl.some((h) => h.kind === kind), `no ${kind} highlight`);
    }
    assert.ok(hl.some((h) => h.role === 'cue') && hl.some((h) => h.role === 'mention'));
    // Every listed quote is highlighted in the article under the same id.
    const listed = await page.locator('#isnad-quotes li[data-annotation-id]').evaluateAll((ls) => ls.map((l) => l.dataset.annotationId));
    const shown = new Set(hl.filter((h) => h.kind === 'quote').map((h) => h.id));
    assert.deepEqual(listed.filter((id) => !shown.has(id)), []);
  });

  it('keeps the article text exactly, highlights included', async (t) => {
    if (arabic.skip) return t.skip(arabic.skip);
    const shown = await page.locator('#isnad-article p.para').evaluateAll((ps) => ps.map((p) => p.textContent));
    const expected = arabic.text.split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l.length > 0);
    assert.deepEqual(shown, expected);
  });

  it('never starts or ends a highlight between two joining Arabic letters', async (t) => {
    if (arabic.skip) return t.skip(arabic.skip);
    const splits = await page.locator('#isnad-article [data-annotation-id]').evaluateAll((els) => {
      const letter = /[\u0621-\u064A\u0640\u064B-\u065F]/;
      const out = [];
      // The text just outside an element, within its paragraph.
      const outside = (el, side) => {
        let node = el;
        const sibling = (n) => (side === 'before' ? n.previousSibling : n.nextSibling);
        while (node && !sibling(node) && !node.parentElement?.matches('p.para')) node = node.parentElement;
        const text = (node && sibling(node)?.textContent) ?? '';
        return side === 'before' ? text.slice(-1) : text.slice(0, 1);
      };
      for (const el of els) {
        const before = outside(el, 'before');
        const first = el.textContent.slice(0, 1);
        const last = el.textContent.slice(-1);
        const after = outside(el, 'after');
        if (letter.test(before) && letter.test(first)) out.push(`before ${el.dataset.annotationId}`);
        if (letter.test(last) && letter.test(after)) out.push(`after ${el.dataset.annotationId}`);
      }
      return out;
    });
    assert.deepEqual(splits, []);
    await page.locator('#isnad-article').screenshot({ path: 'artifacts/ar-article.png' });
  });
});

describe("the page's Content-Security-Policy", () => {
  let page;
  before(async () => {
    page = await openPage(app);
  });
  after(() => page?.close());

  it("has base-uri 'none' and form-action 'none', and the article form still analyses without leaving the page", async () => {
    const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
    assert.match(csp, /(^|; )base-uri 'none'(;|$)/, csp);
    assert.match(csp, /(^|; )form-action 'none'(;|$)/, csp);
    await page.evaluate(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.effectiveDirective));
      window.__stillHere = true;
    });
    const url = page.url();
    await page.getByLabel('Article text').fill('The minister said that 90% of the schools would reopen in May.');
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.locator('#isnad-status').waitFor({ state: 'visible' });
    // A submit the way the browser does it (Enter in a field, say).
    await page.evaluate(() => document.querySelector('form.article-form').requestSubmit());
    await page.waitForTimeout(300);
    assert.equal(page.url(), url);
    assert.equal(await page.evaluate(() => window.__stillHere), true, 'no navigation');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(page.errorLog, []);
  });
});
