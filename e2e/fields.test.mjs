// The fact-check fields as people use them: a note typed and the tab closed
// at once, Ctrl+Z inside the note (the field's own undo, not an annotation
// edit), and the controls after Undo and Redo showing the current values.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openPage, pasteAndWait, startApp } from './support/app.mjs';

const TEXT =
  'The council voted on Tuesday to raise taxes by 3% in 2027 😀.\n' +
  '"We will not back down," the minister said.';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** The first claim row: its id and locators for its status and note. */
async function firstClaim(page) {
  const row = page.locator('#isnad-claims li[data-kind="claim"]').first();
  const id = await row.getAttribute('data-annotation-id');
  const scoped = page.locator(`#isnad-claims li[data-annotation-id="${id}"]`);
  return { id, row: scoped, status: scoped.locator('select.status'), note: scoped.locator('input.note') };
}

describe('fact-check fields', () => {
  it('a note typed without Enter or Tab survives closing the tab at once', async () => {
    // One browser context for both tabs, so they share the storage.
    const context = await app.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(app.server.url + '/', { waitUntil: 'load' });
    await page.locator('#isnad-text').waitFor();
    await pasteAndWait(page, TEXT);
    // Let the paste's own save happen, so only the typing is pending.
    await page.waitForTimeout(700);
    const claim = await firstClaim(page);
    await claim.note.click();
    await page.keyboard.type('source: رويترز');
    // Close the tab right away (pagehide), no Enter, no Tab, no wait.
    await page.close({ runBeforeUnload: true });
    const again = await context.newPage();
    await again.goto(app.server.url + '/', { waitUntil: 'load' });
    await again.locator('#isnad-claims li[data-kind="claim"]').first().waitFor();
    const back = await firstClaim(again);
    assert.equal(await back.note.inputValue(), 'source: رويترز');
    await context.close();
  });

  it('Ctrl+Z inside the note undoes the typing, not the status set before', async () => {
    const page = await openPage(app, { locale: 'en-US' });
    await pasteAndWait(page, TEXT);
    const claim = await firstClaim(page);
    await claim.status.selectOption('false');
    await page.waitForSelector(`#isnad-claims li[data-annotation-id="${claim.id}"] .review[data-status="false"]`);
    await claim.note.click();
    await page.keyboard.type('abc');
    await page.keyboard.press('Control+Z');
    // The status set before is still there, and the field undid its typing.
    assert.equal(await claim.row.locator('.review').getAttribute('data-status'), 'false');
    assert.equal(await claim.status.inputValue(), 'false');
    assert.notEqual(await claim.note.inputValue(), 'abc');
    await page.close();
  });

  it('after Undo and Redo the status select and the quote editor show the current values', async () => {
    const page = await openPage(app, { locale: 'en-US' });
    await pasteAndWait(page, TEXT);
    const claim = await firstClaim(page);
    await claim.status.selectOption('false');
    await page.waitForSelector(`#isnad-claims li[data-annotation-id="${claim.id}"] .review[data-status="false"]`);
    await page.locator('#isnad-undo').click();
    await page.waitForSelector(`#isnad-claims li[data-annotation-id="${claim.id}"] .review[data-status="unchecked"]`);
    assert.equal(await claim.status.inputValue(), 'unchecked');
    await page.locator('#isnad-redo').click();
    await page.waitForSelector(`#isnad-claims li[data-annotation-id="${claim.id}"] .review[data-status="false"]`);
    assert.equal(await claim.status.inputValue(), 'false');

    // The quote editor: change the form, undo, redo.
    const quote = page.locator('#isnad-article [data-kind="quote"][data-role="content"]').first();
    await quote.click();
    await page.locator('#isnad-quote-form').waitFor();
    const form = await page.locator('#isnad-quote-form').inputValue();
    const other = form === 'mixed' ? 'indirect' : 'mixed';
    await page.locator('#isnad-quote-form').selectOption(other);
    await page.waitForFunction((v) => document.querySelector('#isnad-quote-form')?.value === v, other);
    await page.locator('#isnad-undo').click();
    await page.waitForFunction((v) => document.querySelector('#isnad-quote-form')?.value === v, form);
    await page.locator('#isnad-redo').click();
    await page.waitForFunction((v) => document.querySelector('#isnad-quote-form')?.value === v, other);
    await page.close();
  });
});

describe('on a phone (390 px)', () => {
  it('long speaker names never widen the page, and every field of the editor can be reached', async () => {
    const page = await app.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
    await page.goto(app.server.url + '/', { waitUntil: 'load' });
    await page.locator('#isnad-text').waitFor();
    await pasteAndWait(page, '"We will not back down," Abdulrahman Mohammed Al-Qahtaniyyeh-Binhamadan said.\nThe council voted to raise taxes by 3% in 2027.');
    await page.locator('#isnad-article [data-kind="quote"][data-role="content"]').first().click();
    await page.locator('#isnad-quote-form').waitFor();
    // A second, even longer name, given by hand: the speaker select lists both.
    await page.locator('#isnad-new-speaker').fill('The Deputy Minister for Regional Infrastructure, Transport and Development Abdulrahman Mohammed');
    await page.locator('#isnad-new-speaker').press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#isnad-quote-speaker option').length >= 3);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `page is ${width} px wide`);
    // The form select and the cue are inside the editor's visible box.
    for (const id of ['#isnad-quote-speaker', '#isnad-quote-form', '#isnad-quote-cue']) {
      const visible = await page.locator(id).evaluate((el) => {
        const slot = el.closest('.editor-slot').getBoundingClientRect();
        const box = el.getBoundingClientRect();
        return box.bottom <= slot.bottom + 1 && box.right <= window.innerWidth + 1;
      });
      assert.ok(visible, `${id} is cut off`);
    }
    await page.close();
  });
});
