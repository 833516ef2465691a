// Pasting as an editor does: from a web page (text/html), an empty
// clipboard, and a text over the size limit. Markup is never inserted and
// nothing in it runs; a refused paste says why and changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openPage, paste, pasteAndWait, startApp } from './support/app.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

describe('paste', () => {
  let page;
  before(async () => {
    page = await openPage(app, { locale: 'en-US' });
  });
  after(() => page?.close());

  it('keeps the paragraphs of a web page and drops its markup', async () => {
    const html =
      '<html><head><style>p{color:red}</style><script>window.__pwned=1</script></head><body>' +
      '<h1>محادثات&nbsp;في موسكو</h1><div class="byline">By Jane Doe</div>' +
      '<p>قال الوزير إن &laquo;المحادثات ستجري غدا&raquo;.</p>' +
      '<p>The minister said prices rose 4.5% in May.<img src=x onerror="window.__pwned=2"></p>' +
      '</body></html>';
    await paste(page, 'fallback text that must not be used', { html });
    await page.locator('#isnad-status').waitFor({ state: 'visible', timeout: 30_000 });
    const value = await page.locator('#isnad-text').inputValue();
    assert.equal(
      value,
      'محادثات\u00a0في موسكو\nBy Jane Doe\nقال الوزير إن «المحادثات ستجري غدا».\nThe minister said prices rose 4.5% in May.',
    );
    await page.waitForTimeout(300); // an injected handler would have fired by now
    assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined');
    assert.equal(await page.locator('#isnad-app img, #isnad-app script').count(), 0);
    assert.equal(await page.locator('#isnad-notice').count(), 0);
  });

  it('says so when the clipboard holds no text, and keeps the text', async () => {
    const before = await page.locator('#isnad-text').inputValue();
    await paste(page, '   \u00a0 ');
    await page.locator('#isnad-notice').waitFor({ state: 'visible' });
    assert.match(await page.locator('#isnad-notice').textContent(), /no text/i);
    assert.equal(await page.locator('#isnad-text').inputValue(), before);
  });

  it('refuses a text over 5 MB with its size, and keeps the text', async () => {
    const before = await page.locator('#isnad-text').inputValue();
    const big = 'قال الوزير إن الأسعار ارتفعت 5% في مايو. '.repeat(80_000); // about 5.9 MB
    await paste(page, big);
    await page.locator('#isnad-notice').waitFor({ state: 'visible' });
    assert.match(await page.locator('#isnad-notice').textContent(), /This text is 5\.\d MB; isnad analyses up to 5 MB/);
    assert.equal(await page.locator('#isnad-text').inputValue(), before);
  });

  it('analyses a paste just under the limit without freezing the page', async () => {
    // Distinct paragraphs (repeated ones would be page noise).
    const lines = [];
    let size = 0;
    for (let i = 0; size < 4.5 * 1024 * 1024; i++) {
      const line = `Officials said prices rose ${i}.5% in region ${i}, according to the statistics office.`;
      lines.push(line);
      size += line.length + 1;
    }
    const text = lines.join('\n');
    const started = Date.now();
    await pasteAndWait(page, text);
    await page.waitForFunction(
      () => Number(document.querySelector('#isnad-claims-title .count')?.textContent) > 1000,
      null,
      { timeout: 60_000 },
    );
    console.log(`4.5 MB paste analysed and listed in ${Date.now() - started} ms`);
    assert.equal(await page.locator('#isnad-notice').count(), 0);
    // The page still answers.
    assert.equal(await page.evaluate(() => 1 + 1), 2);
  });
});
