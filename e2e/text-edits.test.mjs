// Editing the article's text never loses the editor's work: a verdict, a
// note and a hand-made quote move with the text when it is analysed again,
// one Undo brings the old text back, what cannot be placed is listed and can
// be put back, and pasting another article over the whole text opens a new
// document instead of overwriting this one.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openPage, pasteAndWait, selectInArticle, startApp } from './support/app.mjs';

// Arabic with diacritics, an emoji and a no-break space, so offsets are tested.
const TEXT =
  'قالَ الوزير\u00a0إن الأسعار ارتفعت 5% في مايو 😀.\n' +
  'The council voted on Tuesday to raise taxes by 3% in 2027.\n' +
  'Officials met in Paris to discuss the budget.';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** Waits until autosave has written the open document, then half a second more. */
async function saved(page) {
  await page.waitForTimeout(700);
  await page.waitForFunction(() => {
    const open = localStorage.getItem('isnad:open');
    return open && localStorage.getItem(`isnad:doc:${open}`);
  });
}

/** The claim list row whose text contains `needle`. */
function claimRow(page, needle) {
  return page.locator('#isnad-claims li[data-kind="claim"]', { hasText: needle }).first();
}

/** Gives the claim on `needle` the status `false` and a note. */
async function setVerdict(page, needle, note) {
  const row = claimRow(page, needle);
  const id = await row.getAttribute('data-annotation-id');
  await row.locator('select.status').selectOption('false');
  await page.waitForSelector(`#isnad-claims li[data-annotation-id="${id}"] .review[data-status="false"]`);
  const input = page.locator(`#isnad-claims li[data-annotation-id="${id}"] input.note`);
  await input.fill(note);
  await input.press('Enter');
  await page.waitForFunction(
    ([id, note]) => document.querySelector(`#isnad-claims li[data-annotation-id="${id}"] input.note`)?.value === note,
    [id, note],
  );
}

/** The review (status, note) of the claim row on `needle`. */
async function verdict(page, needle) {
  const row = claimRow(page, needle);
  return {
    status: await row.locator('.review').getAttribute('data-status'),
    note: await row.locator('input.note').inputValue(),
  };
}

/** The texts of the editor's quote highlights. */
const handQuotes = (page) =>
  page
    .locator('#isnad-article [data-kind="quote"][data-role="content"][data-origin="editor"]')
    .evaluateAll((els) => [...new Set(els.map((e) => e.textContent))]);

/** Types `more` at the end of the text box and presses Analyse. */
async function typeAtEndAndAnalyse(page, more) {
  const box = page.locator('#isnad-text');
  await box.focus();
  await box.press('End');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(more);
  await page.locator('button.analyse').click();
}

describe('editing the text keeps the work', () => {
  it('a verdict, a note and a hand-made quote survive a word typed and Analyse; one Undo restores the old text; a reload keeps it all', async () => {
    const page = await openPage(app, { locale: 'en-US' });
    await pasteAndWait(page, TEXT);
    await setVerdict(page, 'raise taxes', 'رفض المجلس 😀');
    await selectInArticle(page, 'Officials met in Paris');
    await page.keyboard.press('q');
    await page.waitForFunction(() => document.querySelector('#isnad-article [data-kind="quote"][data-origin="editor"]'));
    assert.deepEqual(await handQuotes(page), ['Officials met in Paris']);

    await typeAtEndAndAnalyse(page, ' Again.');
    await page.waitForFunction(() => !document.querySelector('#isnad-status .stale'));
    await page.locator('#isnad-notice').waitFor();
    assert.match(await page.locator('#isnad-notice').textContent(), /1 of your annotations|2 of your annotations/);
    assert.deepEqual(await verdict(page, 'raise taxes'), { status: 'false', note: 'رفض المجلس 😀' });
    assert.deepEqual(await handQuotes(page), ['Officials met in Paris']);
    assert.equal(await page.locator('#isnad-orphans').count(), 0);

    // One Undo: the old text, with the same work on it.
    await page.locator('#isnad-undo').click();
    await page.waitForFunction((text) => document.querySelector('#isnad-text')?.value === text, TEXT);
    assert.deepEqual(await verdict(page, 'raise taxes'), { status: 'false', note: 'رفض المجلس 😀' });
    await page.locator('#isnad-redo').click();
    await page.waitForFunction(() => (document.querySelector('#isnad-text')?.value ?? '').endsWith(' Again.'));

    await saved(page);
    await page.reload();
    await page.locator('#isnad-article [data-annotation-id]').first().waitFor();
    assert.ok((await page.locator('#isnad-text').inputValue()).endsWith(' Again.'));
    assert.deepEqual(await verdict(page, 'raise taxes'), { status: 'false', note: 'رفض المجلس 😀' });
    assert.deepEqual(await handQuotes(page), ['Officials met in Paris']);
    // The undo step across the text change was saved too.
    await page.locator('#isnad-undo').click();
    await page.waitForFunction((text) => document.querySelector('#isnad-text')?.value === text, TEXT);
    assert.deepEqual(page.errorLog, []);
    await page.close();
  });

  it('work whose words were deleted is listed, not dropped, and can be placed again with its verdict', async () => {
    const page = await openPage(app, { locale: 'en-US' });
    await pasteAndWait(page, TEXT);
    await setVerdict(page, 'raise taxes', 'checked');
    // Delete the whole second line and analyse.
    await page.locator('#isnad-text').fill(TEXT.replace(/The council[^\n]*\n/, ''));
    await page.locator('button.analyse').click();
    await page.locator('#isnad-orphans li.orphan').waitFor();
    assert.match(await page.locator('#isnad-orphans li.orphan').textContent(), /raise taxes/);
    assert.match(await page.locator('#isnad-orphans li.orphan').textContent(), /checked/);
    // Put it back on other words: it becomes a claim there with its verdict.
    await selectInArticle(page, 'discuss the budget');
    await page.locator('#isnad-orphans button.place-orphan').click();
    await page.waitForFunction(() => !document.querySelector('#isnad-orphans'));
    const row = page.locator('#isnad-claims li[data-kind="claim"]').filter({
      has: page.locator('p.content', { hasText: /^discuss the budget$/ }),
    });
    assert.equal(await row.locator('.review').getAttribute('data-status'), 'false');
    assert.equal(await row.locator('input.note').inputValue(), 'checked');
    // Undo brings the orphan back; Discard removes it, undoably.
    await page.locator('#isnad-undo').click();
    await page.locator('#isnad-orphans li.orphan').waitFor();
    await page.locator('#isnad-orphans button.drop-orphan').click();
    await page.waitForFunction(() => !document.querySelector('#isnad-orphans'));
    await page.locator('#isnad-undo').click();
    await page.locator('#isnad-orphans li.orphan').waitFor();
    await page.close();
  });

  it('pasting another article over the whole text opens a new document and keeps the old one', async () => {
    const page = await openPage(app, { locale: 'en-US' });
    await pasteAndWait(page, TEXT);
    await setVerdict(page, 'raise taxes', 'old work');
    await saved(page);
    const box = page.locator('#isnad-text');
    await box.focus();
    await page.keyboard.press('Control+A');
    await pasteAndWait(page, 'The mayor said the bridge would reopen on 4 May.');
    await page.locator('#isnad-notice').waitFor();
    assert.equal(await box.inputValue(), 'The mayor said the bridge would reopen on 4 May.');
    await saved(page);
    // Both are in the library; the old one opens with its verdict.
    await page.locator('#isnad-library-toggle').click();
    await page.waitForFunction(() => document.querySelectorAll('#isnad-library-list li.document').length === 2);
    await page.locator('#isnad-library-list li.document', { hasText: 'قالَ الوزير' }).locator('button.open').click();
    await page.waitForFunction((text) => document.querySelector('#isnad-text')?.value === text, TEXT);
    assert.deepEqual(await verdict(page, 'raise taxes'), { status: 'false', note: 'old work' });
    await page.close();
  });
});
