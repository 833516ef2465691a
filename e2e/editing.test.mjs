// Editing the annotations the way an editor does: select text and press a
// key (or a toolbar button), click a highlight, delete it, undo and redo.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openPage, pasteAndWait, selectInArticle, startApp } from './support/app.mjs';

const TEXT = 'The minister said that prices would rise.\nOfficials met on Tuesday in Paris to discuss the budget.';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** The speaker list item whose name is exactly `name`. */
async function speakerItem(page, name) {
  const id = await page.evaluate((name) => [...document.querySelectorAll('#isnad-speakers li[data-speaker-id]')]
    .find((li) => li.querySelector(':scope > .name')?.textContent === name)?.dataset.speakerId, name);
  assert.ok(id, `no speaker named ${name}`);
  return page.locator(`#isnad-speakers li[data-speaker-id="${id}"]`);
}

async function highlights(page, kind) {
  return page.locator(`#isnad-article [data-kind="${kind}"][data-role="content"]`).evaluateAll((els) =>
    els.map((e) => ({ id: e.dataset.annotationId, text: e.textContent, origin: e.dataset.origin })),
  );
}

describe('editing', () => {
  let page;
  before(async () => {
    page = await openPage(app, { locale: 'en-US' });
    await pasteAndWait(page, TEXT);
  });
  after(() => page?.close());

  it('marks a selection as a claim with the keyboard, snapped to whole words', async () => {
    const before = await highlights(page, 'claim');
    await selectInArticle(page, 'fficials met on Tues'); // mid-word on both ends
    await page.keyboard.press('c');
    await page.waitForFunction((n) => document.querySelectorAll('#isnad-article [data-kind="claim"][data-origin="editor"]').length > n, 0);
    const after = await highlights(page, 'claim');
    const added = after.find((h) => h.origin === 'editor');
    assert.ok(added, JSON.stringify(after));
    assert.equal(added.text, 'Officials met on Tuesday');
    assert.equal(after.filter((h) => h.origin === 'editor').length, before.filter((h) => h.origin === 'editor').length + 1);
    // The new claim is listed and selected.
    assert.ok(await page.locator(`#isnad-claims li[data-annotation-id="${added.id}"]`).count());
    assert.ok(await page.locator(`#isnad-article .selected[data-annotation-id="${added.id}"]`).count());
  });

  it('deletes the selected annotation, then undoes and redoes it', async () => {
    const count = async () => (await highlights(page, 'claim')).filter((h) => h.origin === 'editor').length;
    assert.equal(await count(), 1);
    await page.locator('#isnad-article').focus();
    await page.keyboard.press('Delete');
    await page.waitForFunction(() => !document.querySelector('#isnad-article [data-origin="editor"]'));
    assert.equal(await count(), 0);
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelector('#isnad-article [data-origin="editor"]'));
    assert.equal(await count(), 1);
    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction(() => !document.querySelector('#isnad-article [data-origin="editor"]'));
    assert.equal(await count(), 0);
    await page.locator('#isnad-undo').click();
    await page.waitForFunction(() => document.querySelector('#isnad-article [data-origin="editor"]'));
    await page.locator('#isnad-redo').click();
    await page.waitForFunction(() => !document.querySelector('#isnad-article [data-origin="editor"]'));
  });

  it('selects a highlight by clicking it, and accepting makes it the editor\'s', async () => {
    const quotes = await highlights(page, 'quote');
    assert.ok(quotes.length > 0, 'the engine found the quote');
    const id = quotes[0].id;
    await page.locator(`#isnad-article [data-role="content"][data-annotation-id="${id}"]`).first().click();
    await page.waitForSelector(`#isnad-article .selected[data-annotation-id="${id}"]`);
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.waitForSelector(`#isnad-article [data-annotation-id="${id}"][data-origin="editor"]`);
  });

  it('marks the selected quote\'s speaker mention', async () => {
    const quotes = await highlights(page, 'quote');
    await page.locator(`#isnad-article [data-role="content"][data-annotation-id="${quotes[0].id}"]`).first().click();
    // The engine's mention is "The minister"; the editor narrows it.
    await selectInArticle(page, 'minister');
    await page.keyboard.press('s');
    await page.waitForFunction(() => {
      const mentions = [...document.querySelectorAll('#isnad-article [data-role="mention"]')];
      return mentions.length === 1 && mentions[0].textContent === 'minister';
    });
  });

  it('records a fact-check status and note on a claim, undoably', async () => {
    const claim = page.locator('#isnad-claims li[data-kind="claim"]').first();
    const id = await claim.getAttribute('data-annotation-id');
    await claim.locator('select.status').selectOption('misleading');
    await page.waitForSelector(`#isnad-claims li[data-annotation-id="${id}"] .review[data-status="misleading"]`);
    const note = page.locator(`#isnad-claims li[data-annotation-id="${id}"] input.note`);
    await note.fill('المصدر: الجريدة الرسمية 📎');
    await note.press('Enter');
    await note.blur();
    await page.waitForFunction(
      (id) => document.querySelector(`#isnad-claims li[data-annotation-id="${id}"] input.note`)?.value === 'المصدر: الجريدة الرسمية 📎',
      id,
    );
    // The claim is now the editor's, and undo takes the note back first.
    await page.waitForSelector(`#isnad-article [data-annotation-id="${id}"][data-origin="editor"]`);
    await page.locator('#isnad-undo').click();
    await page.waitForFunction(
      (id) => document.querySelector(`#isnad-claims li[data-annotation-id="${id}"] input.note`)?.value === '',
      id,
    );
    await page.waitForSelector(`#isnad-claims li[data-annotation-id="${id}"] .review[data-status="misleading"]`);
  });

  it('re-analysing keeps the editor\'s work', async () => {
    await selectInArticle(page, 'discuss the budget');
    await page.keyboard.press('q');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('#isnad-article [data-kind="quote"][data-origin="editor"]')].some((e) => e.textContent === 'discuss the budget'),
    );
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.waitForTimeout(300);
    const quotes = await highlights(page, 'quote');
    assert.ok(quotes.some((q) => q.text === 'discuss the budget' && q.origin === 'editor'), JSON.stringify(quotes));
  });
});

describe('who said what', () => {
  let page;
  before(async () => {
    page = await openPage(app, { locale: 'en-US' });
    const paras = [];
    for (let i = 0; i < 40; i++) paras.push(`Paragraph ${i} of background text about the budget and the economy.`);
    paras.push('"We will not back down," the minister said on Tuesday.');
    await pasteAndWait(page, paras.join('\n'));
  });
  after(() => page?.close());

  it('lists each speaker\'s quotes; choosing one scrolls to it in the article and selects it', async () => {
    const item = await speakerItem(page, 'the minister');
    const button = item.locator('button.said').first();
    assert.match(await button.textContent(), /We will not back down/);
    const id = await button.getAttribute('data-quote-id');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await button.click();
    const highlight = page.locator(`#isnad-article .selected[data-annotation-id="${id}"]`).first();
    await highlight.waitFor();
    await page.waitForFunction((id) => {
      const el = document.querySelector(`#isnad-article [data-annotation-id="${id}"]`);
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    }, id);
  });
});

describe('keyboard and quote editing', () => {
  let page;
  before(async () => {
    page = await openPage(app, { locale: 'en-US' });
    await pasteAndWait(page, '"We will not back down," the minister said on Tuesday.\nPrices rose 4.5% in May, according to the statistics office.');
  });
  after(() => page?.close());

  it('moves between annotations with n and p, and clears with Escape', async () => {
    await page.locator('#isnad-article').focus();
    await page.keyboard.press('n');
    const first = await page.locator('#isnad-article .selected').first().getAttribute('data-annotation-id');
    await page.keyboard.press('n');
    const second = await page.locator('#isnad-article .selected').first().getAttribute('data-annotation-id');
    assert.notEqual(first, second);
    await page.keyboard.press('p');
    assert.equal(await page.locator('#isnad-article .selected').first().getAttribute('data-annotation-id'), first);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('#isnad-article .selected'));
  });

  it('follows the physical key on an Arabic layout (N types ى there)', async () => {
    const press = (key, code) =>
      page.locator('#isnad-article').evaluate((el, [key, code]) => {
        el.dispatchEvent(new KeyboardEvent('keydown', { key, code, bubbles: true, cancelable: true }));
      }, [key, code]);
    await page.locator('#isnad-article').focus();
    await press('ى', 'KeyN');
    await page.locator('#isnad-article .selected').first().waitFor();
    const first = await page.locator('#isnad-article .selected').first().getAttribute('data-annotation-id');
    await press('ى', 'KeyN');
    await page.waitForFunction((id) => document.querySelector('#isnad-article .selected')?.dataset.annotationId !== id, first);
    await press('ح', 'KeyP');
    await page.waitForFunction((id) => document.querySelector('#isnad-article .selected')?.dataset.annotationId === id, first);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('#isnad-article .selected'));
  });

  it('shows the shortcuts with ?', async () => {
    await page.locator('#isnad-article').focus();
    await page.keyboard.press('?');
    await page.locator('#isnad-help[role="dialog"]').waitFor();
    assert.match(await page.locator('#isnad-help').textContent(), /undo/);
    // A dialog in view, holding the focus, with a labelled close button;
    // Escape closes it.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'isnad-help');
    const box = await page.locator('#isnad-help').boundingBox();
    const viewport = page.viewportSize();
    assert.ok(box && box.y >= 0 && box.y + 40 < viewport.height, JSON.stringify(box));
    assert.equal(await page.locator('#isnad-help button').getAttribute('aria-label'), 'Close');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('#isnad-help'));
  });

  it('changes a quote\'s speaker, names a new one, and changes its form', async () => {
    const id = await page.locator('#isnad-quotes li[data-kind="quote"]').first().getAttribute('data-annotation-id');
    await page.locator(`#isnad-article [data-role="content"][data-annotation-id="${id}"]`).first().click();
    await page.locator('#isnad-quote-form').selectOption('indirect');
    await page.waitForFunction((id) => document.querySelector(`#isnad-quotes li[data-annotation-id="${id}"] .form dd`)?.textContent === 'indirect', id);
    await page.locator('#isnad-new-speaker').fill('Jane Doe');
    await page.locator('#isnad-new-speaker').press('Enter');
    await page.locator('#isnad-new-speaker').blur();
    await page.waitForFunction((id) => document.querySelector(`#isnad-quotes li[data-annotation-id="${id}"] .speaker dd`)?.textContent === 'Jane Doe', id);
    assert.ok(await page.locator('#isnad-speakers li[data-speaker-id] .name', { hasText: 'Jane Doe' }).count());
    // One undo takes back the new speaker and the assignment together.
    await page.locator('#isnad-undo').click();
    await page.waitForFunction((id) => document.querySelector(`#isnad-quotes li[data-annotation-id="${id}"] .speaker dd`)?.textContent !== 'Jane Doe', id);
    assert.equal(await page.locator('#isnad-speakers .name', { hasText: 'Jane Doe' }).count(), 0);
    // Typing the name of a speaker the article already has picks that
    // speaker: no duplicate in the list.
    await page.locator('#isnad-redo').click();
    await page.waitForFunction((id) => document.querySelector(`#isnad-quotes li[data-annotation-id="${id}"] .speaker dd`)?.textContent === 'Jane Doe', id);
    const quotes = await page.locator('#isnad-article [data-kind="quote"][data-role="content"]').evaluateAll((els) => [...new Set(els.map((e) => e.dataset.annotationId))]);
    const other = quotes.find((q) => q !== id);
    assert.ok(other, JSON.stringify(quotes));
    await page.locator(`#isnad-article [data-role="content"][data-annotation-id="${other}"]`).first().click();
    await page.locator('#isnad-new-speaker').fill('jane doe');
    await page.locator('#isnad-new-speaker').press('Enter');
    await page.waitForFunction((id) => document.querySelector(`#isnad-quotes li[data-annotation-id="${id}"] .speaker dd`)?.textContent === 'Jane Doe', other);
    assert.equal(await page.locator('#isnad-speakers li[data-speaker-id] > .name', { hasText: /^Jane Doe$/ }).count(), 1);
  });
});

describe('filters', () => {
  let page;
  before(async () => {
    page = await openPage(app, { locale: 'en-US' });
    await pasteAndWait(page, '"We will not back down," the minister said on Tuesday.\nPrices rose 4.5% in May, according to the statistics office.\nBy Jane Doe');
  });
  after(() => page?.close());

  const listed = (page, kind) => page.locator(`#isnad-results li[data-kind="${kind}"]`).count();

  it('shows one kind, one origin, one status or one speaker', async () => {
    assert.ok((await listed(page, 'quote')) >= 2);
    await page.locator('#isnad-filter-kind').selectOption('claim');
    await page.waitForFunction(() => !document.querySelector('#isnad-results li[data-kind="quote"]'));
    assert.ok((await listed(page, 'claim')) >= 1);
    await page.locator('#isnad-filter-kind').selectOption('');
    await page.locator('#isnad-filter-origin').selectOption('editor');
    await page.waitForFunction(() => !document.querySelector('#isnad-results li[data-kind]'));
    await page.locator('#isnad-filter-origin').selectOption('');
    const speaker = await page.locator('#isnad-filter-speaker option', { hasText: 'the minister' }).getAttribute('value');
    await page.locator('#isnad-filter-speaker').selectOption(speaker);
    await page.waitForFunction(() => document.querySelectorAll('#isnad-results li[data-kind="quote"]').length === 1);
    assert.match(await page.locator('#isnad-results li[data-kind="quote"] .speaker dd').textContent(), /the minister/);
    await page.locator('#isnad-filter-speaker').selectOption('');
    await page.locator('#isnad-filter-status').selectOption('verified');
    await page.waitForFunction(() => !document.querySelector('#isnad-results li[data-kind]'));
    await page.locator('#isnad-filter-status').selectOption('');
    await page.waitForFunction(() => document.querySelector('#isnad-results li[data-kind="quote"]'));
  });
});

describe('speakers, cues and categories', () => {
  let page;
  before(async () => {
    page = await openPage(app, { locale: 'en-US' });
    await pasteAndWait(page, [
      '"We will not back down," the minister said on Tuesday.',
      '"Prices will fall," Jane Smith told reporters.',
      'Prices rose 4.5% in May, according to the statistics office.',
    ].join('\n'));
  });
  after(() => page?.close());

  const speakerNames = (page) => page.locator('#isnad-speakers li[data-speaker-id] > .name').allTextContents();

  it('renames a speaker everywhere, and undo takes the name back', async () => {
    const item = await speakerItem(page, 'the minister');
    await item.locator('details').evaluate((d) => { d.open = true; });
    const input = item.locator('input.rename');
    await input.fill('Minister Ahmad Ali');
    await input.press('Enter');
    await page.waitForFunction(() => [...document.querySelectorAll('#isnad-quotes .speaker dd')].some((d) => d.textContent === 'Minister Ahmad Ali'));
    assert.ok((await speakerNames(page)).includes('Minister Ahmad Ali'));
    // Ctrl+Z inside the rename field is the field's own undo; from the
    // article it undoes the rename.
    await page.locator('#isnad-article').focus();
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => [...document.querySelectorAll('#isnad-speakers li[data-speaker-id] > .name')].some((d) => d.textContent === 'the minister'));
  });

  it('refuses an empty name with a message and keeps the old one', async () => {
    const item = await speakerItem(page, 'the minister');
    await item.locator('details').evaluate((d) => { d.open = true; });
    await item.locator('input.rename').fill('   ');
    await item.locator('input.rename').press('Enter');
    await page.locator('#isnad-notice[role="alert"]').waitFor();
    assert.match(await page.locator('#isnad-notice').textContent(), /name/i);
    assert.ok((await speakerNames(page)).includes('the minister'));
  });

  it('merges one speaker into another: the quotes move and the speaker goes', async () => {
    const before = await speakerNames(page);
    assert.ok(before.includes('Jane Smith') && before.includes('the minister'), JSON.stringify(before));
    const item = await speakerItem(page, 'Jane Smith');
    await item.locator('details').evaluate((d) => { d.open = true; });
    // One shared, searchable list of names, drawn once a picker opens.
    await page.locator('#isnad-speaker-choices').waitFor({ state: 'attached' });
    assert.equal(await page.locator('datalist').count(), 1);
    assert.equal(await page.locator('#isnad-speakers option').count(), before.length);
    const target = await page.evaluate(() => [...document.querySelectorAll('#isnad-speakers li[data-speaker-id]')]
      .find((li) => li.querySelector(':scope > .name')?.textContent === 'the minister')?.dataset.speakerId);
    await item.locator('input.merge').fill('The Minister');
    await item.locator('input.merge').press('Enter');
    await page.waitForFunction(() => ![...document.querySelectorAll('#isnad-speakers li[data-speaker-id] > .name')].some((d) => d.textContent === 'Jane Smith'));
    const minister = page.locator(`#isnad-speakers li[data-speaker-id="${target}"]`);
    assert.equal(await minister.locator('button.said').count(), 2);
    await page.locator('#isnad-undo').click();
    await page.waitForFunction(() => [...document.querySelectorAll('#isnad-speakers li[data-speaker-id] > .name')].some((d) => d.textContent === 'Jane Smith'));
  });

  it('sets a quote\'s cue from the selection (u) and clears it', async () => {
    const id = await page.locator('#isnad-quotes li[data-kind="quote"]').first().getAttribute('data-annotation-id');
    await page.locator(`#isnad-article [data-role="content"][data-annotation-id="${id}"]`).first().click();
    await page.evaluate(() => {
      // Select "on Tuesday" in the first paragraph.
      const p = document.querySelector('#isnad-article p.para');
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent.indexOf('on Tuesday');
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + 'on Tuesday'.length);
          getSelection().removeAllRanges();
          getSelection().addRange(range);
          break;
        }
      }
      document.querySelector('#isnad-article').focus();
    });
    await page.keyboard.press('u');
    await page.waitForFunction((id) => document.querySelector(`#isnad-quotes li[data-annotation-id="${id}"] .cue dd`)?.textContent === 'on Tuesday', id);
    assert.equal(await page.locator('#isnad-quote-cue').textContent(), 'on Tuesday');
    await page.locator('#isnad-clear-cue').click();
    await page.waitForFunction((id) => document.querySelector(`#isnad-quotes li[data-annotation-id="${id}"] .cue dd`)?.textContent === '—', id);
  });

  it('edits a claim\'s categories, status and note from the keyboard (Enter opens the editor)', async () => {
    const id = await page.locator('#isnad-claims li[data-kind="claim"]').first().getAttribute('data-annotation-id');
    // Walk with n until the claim is selected, then Enter.
    await page.locator('#isnad-article').focus();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('n');
      if (await page.locator(`#isnad-article .selected[data-annotation-id="${id}"]`).count()) break;
    }
    await page.keyboard.press('Enter');
    const focused = await page.evaluate(() => document.activeElement?.closest('#isnad-editor')?.dataset.kind);
    assert.equal(focused, 'claim');
    const date = page.locator('#isnad-editor input[data-category="date"]');
    const wasChecked = await date.isChecked();
    await date.focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(({ id, want }) => {
      const cats = [...document.querySelectorAll(`#isnad-claims li[data-annotation-id="${id}"] .category`)].map((c) => c.dataset.category);
      return cats.includes('date') === want;
    }, { id, want: !wasChecked });
    await page.locator('#isnad-claim-status').selectOption('verified');
    await page.waitForSelector(`#isnad-claims li[data-annotation-id="${id}"] .review[data-status="verified"]`);
    await page.locator('#isnad-claim-note').fill('Checked against the office\'s bulletin');
    await page.locator('#isnad-claim-note').press('Enter');
    await page.waitForFunction((id) => document.querySelector(`#isnad-claims li[data-annotation-id="${id}"] input.note`)?.value.startsWith('Checked'), id);
  });

  it('gives highlights and panels roles and labels, and announces the selection', async () => {
    await page.locator('#isnad-article').focus();
    await page.keyboard.press('n');
    const live = page.locator('#isnad-live[aria-live="polite"]');
    await page.waitForFunction(() => document.querySelector('#isnad-live')?.textContent.startsWith('Selected'));
    assert.match(await live.textContent(), /^Selected (quote|claim|page noise): /);
    const selected = page.locator('#isnad-article .selected[role="mark"]').first();
    assert.equal(await selected.getAttribute('aria-current'), 'true');
    assert.ok(['quote', 'claim', 'page noise'].includes(await selected.getAttribute('aria-roledescription')));
    assert.equal(await page.locator('#isnad-article').getAttribute('aria-label'), 'Analysed article');
    assert.equal(await page.locator('.toolbar[role="toolbar"]').count(), 1);
    for (const id of ['isnad-quotes', 'isnad-speakers', 'isnad-claims']) {
      const labelledBy = await page.locator(`#${id}`).getAttribute('aria-labelledby');
      assert.ok(labelledBy && (await page.locator(`#${labelledBy}`).textContent()).length > 0, id);
    }
    // Focus is visible: the focused article draws an outline.
    const outline = await page.evaluate(() => getComputedStyle(document.querySelector('#isnad-article')).outlineStyle);
    assert.notEqual(outline, 'none');
  });
});

describe('long articles', () => {
  let page;
  before(async () => {
    page = await openPage(app, { locale: 'en-US' });
    const lines = [];
    for (let i = 0; i < 600; i++) lines.push(`Prices rose ${i}.5% in region ${i} in May ${2000 + (i % 20)}.`);
    await pasteAndWait(page, lines.join('\n'));
  });
  after(() => page?.close());

  const paragraphs = (page) => page.locator('#isnad-article p.para').count();

  it('draws the article in steps, with a button for the rest', async () => {
    assert.equal(await paragraphs(page), 500);
    const more = page.locator('.article-pane > .more');
    assert.match(await more.textContent(), /100 more not shown\. Show 100 more/);
    await more.locator('button.show-more').click();
    await page.waitForFunction(() => document.querySelectorAll('#isnad-article p.para').length === 600);
    assert.equal(await page.locator('.article-pane > .more').count(), 0);
  });

  it('lists 200 rows at first and more on demand', async () => {
    const claims = () => page.locator('#isnad-claims li[data-kind="claim"]').count();
    assert.equal(await claims(), 200);
    assert.match(await page.locator('#isnad-claims .more').textContent(), /400 more not shown\. Show 200 more/);
    await page.locator('#isnad-claims .show-more').click();
    await page.waitForFunction(() => document.querySelectorAll('#isnad-claims li[data-kind="claim"]').length === 400);
  });

  it('selecting an annotation past the drawn paragraphs draws up to it', async () => {
    await page.reload();
    await page.locator('#isnad-article p.para').first().waitFor();
    assert.equal(await paragraphs(page), 500);
    // p with nothing selected goes to the last annotation, in paragraph 600.
    await page.locator('#isnad-article').focus();
    await page.keyboard.press('p');
    await page.waitForFunction(() => document.querySelectorAll('#isnad-article p.para').length === 600);
    await page.locator('#isnad-article .selected').first().waitFor();
    assert.match(await page.locator('#isnad-article .selected').first().textContent(), /599/);
  });
});
