// Never losing work: autosave and reload, the document library, storage
// that is missing or full, an older saved record, and annotation files out
// (download, copy) and in (isnad/1, W3C, bad files of every kind).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openPage, pasteAndWait, startApp } from './support/app.mjs';

const TEXT = '"We will not back down," the minister said on Tuesday 😀.\nPrices rose 4.5% in May, according to the statistics office.';

let app;
let tmp;
before(async () => {
  app = await startApp();
  tmp = mkdtempSync(path.join(tmpdir(), 'isnad-files-'));
});
after(async () => {
  await app?.close();
});

/** Waits until autosave has written the open document. */
async function saved(page) {
  await page.waitForFunction(() => {
    const open = localStorage.getItem('isnad:open');
    return open && localStorage.getItem(`isnad:doc:${open}`);
  });
}

/** The annotation ids highlighted in the article. */
const highlighted = (page) =>
  page.locator('#isnad-article [data-role="content"]').evaluateAll((els) => [...new Set(els.map((e) => e.dataset.annotationId))]);

/** Reads a downloaded file after clicking Download with `format` chosen. */
async function download(page, format) {
  await page.locator('#isnad-export-format').selectOption(format);
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#isnad-download').click()]);
  const target = path.join(tmp, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(target);
  return { name: file.suggestedFilename(), text: readFileSync(target, 'utf8') };
}

/** Chooses `contents` (a string or Buffer) as the file to import. */
async function importFile(page, name, contents) {
  const file = path.join(tmp, name);
  writeFileSync(file, contents);
  const previous = await page.evaluate(() => document.querySelector('#isnad-import-result')?.textContent ?? null);
  await page.locator('#isnad-import').setInputFiles(file);
  // Every message names the file; wait for this file's.
  await page.waitForFunction(([name, previous]) => {
    const text = document.querySelector('#isnad-import-result')?.textContent ?? '';
    return text.includes(name) && text !== previous;
  }, [name, previous]);
  return page.locator('#isnad-import-result').textContent();
}

describe('autosave', () => {
  it('a reload brings back the text, the edits and the undo position', async () => {
    const page = await openPage(app, { locale: 'en-US' });
    await pasteAndWait(page, TEXT);
    const before = await highlighted(page);
    // Delete one annotation, set a claim's status.
    await page.locator(`#isnad-article [data-annotation-id="${before[0]}"]`).first().click();
    await page.locator('#isnad-article').press('Delete');
    await page.waitForFunction((id) => !document.querySelector(`#isnad-article [data-annotation-id="${id}"]`), before[0]);
    const claim = page.locator('#isnad-claims li[data-kind="claim"]').first();
    const claimId = await claim.getAttribute('data-annotation-id');
    await claim.locator('select.status').selectOption('verified');
    await page.waitForSelector(`#isnad-claims li[data-annotation-id="${claimId}"] .review[data-status="verified"]`);
    await page.waitForTimeout(700);
    await saved(page);
    await page.reload();
    await page.locator('#isnad-article [data-annotation-id]').first().waitFor();
    assert.equal(await page.locator('#isnad-text').inputValue(), TEXT);
    assert.deepEqual(await highlighted(page), before.slice(1));
    await page.waitForSelector(`#isnad-claims li[data-annotation-id="${claimId}"] .review[data-status="verified"]`);
    // The undo position came back too: two undos restore the deleted one.
    assert.equal(await page.locator('#isnad-undo').isEnabled(), true);
    await page.locator('#isnad-undo').click();
    await page.locator('#isnad-undo').click();
    await page.waitForFunction((id) => document.querySelector(`#isnad-article [data-annotation-id="${id}"]`), before[0]);
    assert.equal(await page.locator('#isnad-autosave').getAttribute('data-state'), 'saved');
    await page.close();
  });

  it('closing the tab right after an edit keeps the edit', async () => {
    const context = await app.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(app.server.url + '/');
    await pasteAndWait(page, TEXT);
    await saved(page);
    const ids = await highlighted(page);
    await page.locator(`#isnad-article [data-annotation-id="${ids[0]}"]`).first().click();
    await page.locator('#isnad-article').press('Delete');
    await page.waitForFunction((id) => !document.querySelector(`#isnad-article [data-annotation-id="${id}"]`), ids[0]);
    // No wait: the tab closes at once (pagehide writes the pending save).
    await page.close({ runBeforeUnload: true });
    const again = await context.newPage();
    await again.goto(app.server.url + '/');
    await again.locator('#isnad-article [data-annotation-id]').first().waitFor();
    assert.deepEqual(await highlighted(again), ids.slice(1));
    await context.close();
  });

  it('storage that is missing: "autosave off", and the app keeps working', async () => {
    const page = await app.browser.newPage();
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The document is sandboxed', 'SecurityError');
        },
      });
    });
    await page.goto(app.server.url + '/');
    await page.locator('#isnad-autosave[data-state="off"][role="alert"]').waitFor();
    await pasteAndWait(page, TEXT);
    assert.ok((await highlighted(page)).length > 0);
    await page.close();
  });

  it('storage that is full: "storage full", and nothing in the page is lost', async () => {
    const page = await app.browser.newPage();
    await page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key.includes(':doc:')) throw new DOMException('quota', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    });
    await page.goto(app.server.url + '/');
    await pasteAndWait(page, TEXT);
    await page.locator('#isnad-autosave[data-state="full"][role="alert"]').waitFor();
    assert.equal(await page.locator('#isnad-text').inputValue(), TEXT);
    assert.ok((await highlighted(page)).length > 0);
    await page.close();
  });

  it('a record of the older store version is migrated, not discarded', async () => {
    const page = await app.browser.newPage();
    const text = 'Prices rose 4.5% in May.';
    const file = {
      schema: 'isnad/1',
      document: { language: 'en', text },
      annotations: [{ id: 'c1', kind: 'claim', start: 0, end: text.length, text, origin: 'editor', categories: ['statistic'], score: 1, status: 'false' }],
      speakers: [],
    };
    await page.addInitScript((record) => {
      if (!localStorage.getItem('isnad:doc:old1')) {
        localStorage.setItem('isnad:doc:old1', record);
        localStorage.setItem('isnad:open', 'old1');
      }
    }, JSON.stringify({ store: 1, id: 'old1', saved: 1700000000000, text, file }));
    await page.goto(app.server.url + '/');
    await page.locator('#isnad-claims li[data-annotation-id="c1"] .review[data-status="false"]').waitFor();
    assert.equal(await page.locator('#isnad-text').inputValue(), text);
    // The next save writes it in the current version.
    await page.locator('#isnad-claims li[data-annotation-id="c1"] input.note').fill('checked');
    await page.locator('#isnad-claims li[data-annotation-id="c1"] input.note').press('Enter');
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('isnad:doc:old1') ?? '{}').store === 2);
    await page.close();
  });
});

describe('the document library', () => {
  it('lists documents; opens, renames, duplicates and deletes them, with undo', async () => {
    const page = await openPage(app, { locale: 'en-US' });
    await pasteAndWait(page, 'First article: the minister said prices rose 5%.');
    await saved(page);
    await page.locator('#isnad-new-document').click();
    await page.waitForFunction(() => document.querySelector('#isnad-text')?.value === '');
    await pasteAndWait(page, 'Second article: officials met on Tuesday.');
    await page.waitForTimeout(700);
    await page.locator('#isnad-library-toggle').click();
    const titles = () => page.locator('#isnad-library-list li.document .doc-title').allTextContents();
    await page.waitForFunction(() => document.querySelectorAll('#isnad-library-list li.document').length === 2);
    assert.deepEqual(await titles(), ['Second article: officials met on Tuesday.', 'First article: the minister said prices rose 5%.']);
    assert.match(await page.locator('#isnad-library-list li.document').first().locator('.doc-meta').textContent(), /English/);
    // Open the first one.
    const first = page.locator('#isnad-library-list li.document').nth(1);
    await first.locator('button.open').click();
    await page.waitForFunction(() => (document.querySelector('#isnad-text')?.value ?? '').startsWith('First article'));
    await page.locator('#isnad-article [data-annotation-id]').first().waitFor();
    // Rename the open one through the title field.
    await page.locator('#isnad-doc-title').fill('Budget story');
    await page.locator('#isnad-doc-title').press('Enter');
    await page.waitForFunction(() => [...document.querySelectorAll('#isnad-library-list .doc-title')].some((t) => t.textContent === 'Budget story'));
    // Duplicate it.
    await page.locator('#isnad-library-list li.document', { hasText: 'Budget story' }).locator('button.duplicate').click();
    await page.waitForFunction(() => [...document.querySelectorAll('#isnad-library-list .doc-title')].some((t) => t.textContent === 'Budget story (copy)'));
    // Delete the second article, then undo.
    await page.locator('#isnad-library-list li.document', { hasText: 'Second article' }).locator('button.delete').click();
    await page.waitForFunction(() => document.querySelectorAll('#isnad-library-list li.document').length === 2);
    await page.locator('#isnad-undo-delete').click();
    await page.waitForFunction(() => document.querySelectorAll('#isnad-library-list li.document').length === 3);
    assert.ok((await titles()).includes('Second article: officials met on Tuesday.'));
    await page.close();
  });
});

describe('stored records', () => {
  it('opening a document leaves its library date alone', async () => {
    const page = await openPage(app, { locale: 'en-US' });
    await pasteAndWait(page, 'First article: the minister said prices rose 5%.');
    await saved(page);
    const firstId = await page.evaluate(() => localStorage.getItem('isnad:open'));
    const updated = () => page.evaluate((id) => JSON.parse(localStorage.getItem(`isnad:doc:${id}`)).updated, firstId);
    const before = await updated();
    await page.locator('#isnad-new-document').click();
    await pasteAndWait(page, 'Second article: officials met on Tuesday.');
    await saved(page);
    await page.locator('#isnad-library-toggle').click();
    await page.locator('#isnad-library-list li.document', { hasText: 'First article' }).locator('button.open').click();
    await page.waitForFunction(() => (document.querySelector('#isnad-text')?.value ?? '').startsWith('First article'));
    await page.waitForTimeout(900);
    assert.equal(await updated(), before);
    // It is the open one for the next start all the same.
    assert.equal(await page.evaluate(() => localStorage.getItem('isnad:open')), firstId);
    await page.close();
  });

  it('a record whose inner id names another document never overwrites that document', async () => {
    const page = await openPage(app, { locale: 'en-US' });
    await pasteAndWait(page, 'Victim article: the council voted.');
    await saved(page);
    const victim = await page.evaluate(() => localStorage.getItem('isnad:open'));
    const victimRecord = await page.evaluate((id) => localStorage.getItem(`isnad:doc:${id}`), victim);
    // A second record, stored under its own key, claiming the victim's id.
    await page.evaluate((id) => {
      const record = JSON.parse(localStorage.getItem(`isnad:doc:${id}`));
      record.text = 'Impostor article: prices rose.';
      record.analysis = null;
      record.history = [];
      localStorage.setItem('isnad:doc:impostor', JSON.stringify(record));
      localStorage.setItem('isnad:open', 'impostor');
    }, victim);
    await page.reload();
    await page.waitForFunction(() => (document.querySelector('#isnad-text')?.value ?? '').startsWith('Impostor'));
    await page.locator('#isnad-text').focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' More.');
    await page.locator('button.analyse').click();
    // Saved under its own key …
    await page.waitForFunction(() => /More\.$/.test(JSON.parse(localStorage.getItem('isnad:doc:impostor') ?? '{}').text ?? ''), null, { timeout: 10_000 });
    // … and never over the document its inner id named.
    assert.equal(await page.evaluate((id) => localStorage.getItem(`isnad:doc:${id}`), victim), victimRecord);
    await page.close();
  });
});

describe('library backup', () => {
  it('backs up every document as one file and restores it into another browser, merging by id', async () => {
    const page = await openPage(app, { locale: 'en-US' });
    await pasteAndWait(page, 'First article: the minister said prices rose 5%.');
    const claim = page.locator('#isnad-claims li[data-kind="claim"]').first();
    await claim.locator('select.status').selectOption('false');
    await saved(page);
    await page.locator('#isnad-new-document').click();
    await pasteAndWait(page, 'Second article: officials met on Tuesday 😀.');
    await saved(page);
    await page.locator('#isnad-library-toggle').click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#isnad-backup').click()]);
    const target = path.join(tmp, file.suggestedFilename());
    await file.saveAs(target);
    const backup = JSON.parse(readFileSync(target, 'utf8'));
    assert.equal(backup.format, 'isnad-library/1');
    assert.equal(backup.documents.length, 2);
    await page.close();

    // Another browser with a document of its own.
    const other = await openPage(app, { locale: 'en-US' });
    await pasteAndWait(other, 'Third article: the council voted.');
    await saved(other);
    await other.locator('#isnad-library-toggle').click();
    await other.locator('#isnad-restore').setInputFiles(target);
    await other.locator('#isnad-backup-result').waitFor();
    assert.match(await other.locator('#isnad-backup-result').textContent(), /2 added/);
    await other.waitForFunction(() => document.querySelectorAll('#isnad-library-list li.document').length === 3);
    // Again: nothing twice.
    await other.locator('#isnad-restore').setInputFiles(target);
    await other.waitForFunction(() => /2 already here/.test(document.querySelector('#isnad-backup-result')?.textContent ?? ''));
    assert.equal(await other.locator('#isnad-library-list li.document').count(), 3);
    // The restored document opens with its verdict.
    await other.locator('#isnad-library-list li.document', { hasText: 'First article' }).locator('button.open').click();
    await other.waitForFunction(() => (document.querySelector('#isnad-text')?.value ?? '').startsWith('First article'));
    await other.waitForSelector('#isnad-claims .review[data-status="false"]');
    // A broken file restores nothing and says why.
    const broken = path.join(tmp, 'broken-backup.json');
    writeFileSync(broken, '{"format": "isnad-library/1", "documents": [{"store": 2}]}');
    await other.locator('#isnad-restore').setInputFiles(broken);
    await other.waitForFunction(() => /Nothing was restored/.test(document.querySelector('#isnad-backup-result')?.textContent ?? ''));
    assert.equal(await other.locator('#isnad-library-list li.document').count(), 3);
    await other.close();
  });
});

describe('switching documents', () => {
  it('opening an imported file right after an edit keeps that edit in the previous document', async () => {
    const page = await openPage(app, { locale: 'en-US' });
    await pasteAndWait(page, TEXT);
    await saved(page);
    const ids = await highlighted(page);
    await page.locator(`#isnad-article [data-annotation-id="${ids[0]}"]`).first().click();
    await page.locator('#isnad-article').press('Delete');
    await page.waitForFunction((id) => !document.querySelector(`#isnad-article [data-annotation-id="${id}"]`), ids[0]);
    // At once, before the half-second save: open another document.
    const text = 'Officials met on Tuesday.';
    const file = { schema: 'isnad/1', document: { language: 'en', text }, annotations: [], speakers: [] };
    await importFile(page, 'other.isnad.json', JSON.stringify(file));
    await page.waitForFunction((t) => document.querySelector('#isnad-text')?.value === t, text);
    await page.locator('#isnad-library-toggle').click();
    await page.locator('#isnad-library-list li.document', { hasText: 'We will not back down' }).locator('button.open').click();
    await page.locator('#isnad-article [data-annotation-id]').first().waitFor();
    assert.deepEqual(await highlighted(page), ids.slice(1));
    await page.close();
  });
});

describe('annotation files', () => {
  let page;
  before(async () => {
    page = await app.browser.newPage({ permissions: ['clipboard-read', 'clipboard-write'], locale: 'en-US' });
    await page.goto(app.server.url + '/');
    await pasteAndWait(page, TEXT);
    const claim = page.locator('#isnad-claims li[data-kind="claim"]').first();
    await claim.locator('select.status').selectOption('misleading');
    await page.waitForSelector('#isnad-claims .review[data-status="misleading"]');
  });
  after(() => page?.close());

  it('exports isnad/1 JSON that holds every highlighted annotation', async () => {
    const { name, text } = await download(page, 'isnad');
    assert.match(name, /\.isnad\.json$/);
    const file = JSON.parse(text);
    assert.equal(file.schema, 'isnad/1');
    assert.equal(file.document.text, TEXT);
    const ids = await highlighted(page);
    assert.deepEqual(file.annotations.map((a) => a.id).sort(), [...ids].sort());
  });

  it('exports W3C annotations with code-point positions (emoji count once)', async () => {
    const { text } = await download(page, 'w3c');
    const collection = JSON.parse(text);
    assert.equal(collection.type, 'AnnotationCollection');
    const items = collection.first.items;
    assert.ok(items.length >= 2);
    const chars = [...TEXT];
    for (const a of items) {
      assert.equal(a['@context'], 'http://www.w3.org/ns/anno.jsonld');
      assert.match(a.created, /Z$/);
      const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
      const position = a.target.selector.find((s) => s.type === 'TextPositionSelector');
      assert.equal(chars.slice(position.start, position.end).join(''), quote.exact);
    }
    // The claim after the emoji: UTF-16 would be off by one.
    const claim = items.find((a) => a.body.some((b) => b.purpose === 'tagging' && b.value === 'claim') && a.target.selector.some((s) => s.exact?.startsWith('Prices')));
    assert.ok(claim, 'the second-line claim is exported');
    const start = claim.target.selector.find((s) => s.type === 'TextPositionSelector').start;
    assert.equal(start, chars.indexOf('P'));
    assert.notEqual(start, TEXT.indexOf('P'));
  });

  it('importing its own W3C export again adds nothing twice', async () => {
    const before = await highlighted(page);
    const { text } = await download(page, 'w3c');
    const message = await importFile(page, 'again.w3c.jsonld', text);
    assert.match(message, /From again\.w3c\.jsonld: 0 annotations added\./);
    assert.doesNotMatch(message, /Merged/);
    assert.match(message, /Already there, not added twice: \d+ annotations?\./);
    assert.deepEqual(await highlighted(page), before);
  });

  it('exports CSV with a BOM and ClaimReview for reviewed claims only', async () => {
    const quotes = await download(page, 'csv-quotes');
    assert.equal(quotes.text.charCodeAt(0), 0xfeff);
    assert.match(quotes.text, /We will not back down/);
    const claims = await download(page, 'csv-claims');
    assert.equal(claims.text.charCodeAt(0), 0xfeff);
    assert.match(claims.text, /misleading/);
    const reviews = JSON.parse((await download(page, 'claimreview')).text);
    assert.equal(reviews.length, 1);
    assert.equal(reviews[0]['@type'], 'ClaimReview');
  });

  it('copies an export to the clipboard', async () => {
    await page.locator('#isnad-export-format').selectOption('isnad');
    await page.locator('#isnad-copy').click();
    await page.locator('.copied', { hasText: 'Copied.' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(JSON.parse(copied).document.text, TEXT);
  });

  it('imports W3C annotations from another tool onto the open text and lists what it cannot place', async () => {
    const other = [
      { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'https://example.org/a1', type: 'Annotation', body: { type: 'TextualBody', value: 'quote', purpose: 'tagging' },
        target: { source: 'https://example.org/article', selector: { type: 'TextQuoteSelector', exact: 'the statistics office' } } },
      { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'https://example.org/a2', type: 'Annotation',
        target: { source: 'https://example.org/article', selector: { type: 'TextQuoteSelector', exact: 'a sentence that is not there' } } },
    ];
    const before = (await highlighted(page)).length;
    const message = await importFile(page, 'other-tool.jsonld', JSON.stringify(other));
    assert.match(message, /From other-tool\.jsonld: 1 annotation added\./);
    assert.match(message, /Not placed in this text \(1 annotation\)/);
    assert.match(message, /a sentence that is not there/);
    assert.equal((await highlighted(page)).length, before + 1);
    // One undo takes the import back.
    await page.locator('#isnad-undo').click();
    await page.waitForFunction((n) => new Set([...document.querySelectorAll('#isnad-article [data-role="content"]')].map((e) => e.dataset.annotationId)).size === n, before);
  });

  it('refuses bad files with a precise message and leaves the document intact', async () => {
    const ids = await highlighted(page);
    const cases = [
      ['broken.json', '{"schema": "isnad/1", "document": ', /broken\.json/],
      ['other.json', JSON.stringify({ schema: 'acme/7', items: [] }), /acme\/7/],
      ['bad-offsets.json', JSON.stringify({ schema: 'isnad/1', document: { language: 'en', text: 'abc' }, annotations: [{ id: 'x1', kind: 'claim', start: 0, end: 99, text: 'abc' }] }), /x1/],
    ];
    for (const [name, contents, pattern] of cases) {
      const message = await importFile(page, name, contents);
      assert.match(message, /Import failed/, name);
      assert.match(message, pattern, name);
      assert.deepEqual(await highlighted(page), ids, name);
      assert.equal(await page.locator('#isnad-text').inputValue(), TEXT);
    }
  });

  it('refuses a 50 MB file and a file with 100,000 annotations, and keeps the document', async () => {
    const ids = await highlighted(page);
    const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
    let message = await importFile(page, 'huge.json', big);
    assert.match(message, /huge\.json/);
    assert.match(message, /MB|MiB|bytes/);
    const many = [];
    for (let i = 0; i < 100_000; i++) {
      many.push({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: `urn:x:${i}`, type: 'Annotation', target: { selector: { type: 'TextPositionSelector', start: 0, end: 6 } } });
    }
    message = await importFile(page, 'many.jsonld', JSON.stringify(many));
    assert.match(message, /Import failed/);
    assert.match(message, /100000|100,000|50000|50,000/);
    assert.deepEqual(await highlighted(page), ids);
  });

  it('opens an isnad/1 file as a document of its own', async () => {
    const text = 'قال الوزير إن الأسعار ارتفعت 5% في مايو.';
    const file = {
      schema: 'isnad/1',
      document: { language: 'ar', text },
      annotations: [{ id: 'c9', kind: 'claim', start: 14, end: 40, text: [...text].slice(14, 40).join(''), origin: 'editor', categories: ['statistic'], score: 1 }],
      speakers: [],
    };
    const message = await importFile(page, 'shared.isnad.json', JSON.stringify(file));
    assert.match(message, /From shared\.isnad\.json: 1 annotation added\./);
    assert.equal(await page.locator('#isnad-text').inputValue(), text);
    await page.locator('#isnad-article [data-annotation-id="c9"]').first().waitFor();
  });
});

describe('a W3C file in another browser', () => {
  it('brings back the verdicts and notes onto the same article analysed afresh', async () => {
    const page = await openPage(app, { locale: 'en-US' });
    await pasteAndWait(page, TEXT);
    const claim = page.locator('#isnad-claims li[data-kind="claim"]', { hasText: 'Prices rose' });
    const claimId = await claim.getAttribute('data-annotation-id');
    const note = 'المصدر: مكتب الإحصاء 😀\u00a0ص 4';
    await claim.locator('select.status').selectOption('false');
    await page.waitForSelector(`#isnad-claims li[data-annotation-id="${claimId}"] .review[data-status="false"]`);
    await claim.locator('input.note').fill(note);
    await claim.locator('input.note').press('Enter');
    await page.waitForFunction(([id, note]) => document.querySelector(`#isnad-claims li[data-annotation-id="${id}"] input.note`)?.value === note, [claimId, note]);
    const { text: file } = await download(page, 'w3c');
    // The file holds the verdict and the note.
    const item = JSON.parse(file).first.items.find((a) => a.target.selector.some((s) => s.exact?.startsWith('Prices rose')) && a.body.some((b) => b.value === 'claim'));
    assert.ok(item.body.some((b) => b.purpose === 'assessing' && b.value === 'false'), JSON.stringify(item.body));
    assert.ok(item.body.some((b) => b.purpose === 'commenting' && b.value === note), JSON.stringify(item.body));
    await page.close();

    // A fresh browser: nothing saved, the same article pasted and analysed.
    const context = await app.browser.newContext({ locale: 'en-US' });
    const fresh = await context.newPage();
    await fresh.goto(app.server.url + '/');
    await fresh.locator('#isnad-text').waitFor({ state: 'visible', timeout: 30_000 });
    await pasteAndWait(fresh, TEXT);
    const before = await highlighted(fresh);
    const again = fresh.locator('#isnad-claims li[data-kind="claim"]', { hasText: 'Prices rose' });
    assert.equal(await again.locator('.review').getAttribute('data-status'), 'unchecked');
    const message = await importFile(fresh, 'verdicts.w3c.jsonld', file);
    assert.match(message, /From verdicts\.w3c\.jsonld: 0 annotations added\./);
    assert.match(message, /Merged into the ones already at the same place, with their verdicts and notes: 1 annotation\./);
    assert.match(message, /Already there, not added twice: \d+ annotations?\./);
    await fresh.waitForSelector('#isnad-claims li[data-kind="claim"] .review[data-status="false"]');
    assert.equal(await again.locator('.review').getAttribute('data-status'), 'false');
    assert.equal(await again.locator('input.note').inputValue(), note);
    assert.deepEqual(await highlighted(fresh), before, 'nothing added twice');
    // One undo takes the import back.
    await fresh.locator('#isnad-undo').click();
    await fresh.waitForFunction(() => document.querySelector('#isnad-claims li[data-kind="claim"] .review[data-status="false"]') === null);
    await context.close();
  });
});
