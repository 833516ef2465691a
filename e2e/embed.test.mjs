// Embedding isnad in other pages, through the example pages the build
// copies to dist/examples/: two mount()s on one page, the <isnad-annotator>
// element, the iframe driven by postMessage (and a frame that trusts
// another origin), and a page under a strict Content-Security-Policy.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DIST, REPO, startApp } from './support/app.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const PAGES = ['two-instances', 'custom-element', 'iframe-host', 'csp'];

let app;
before(async () => {
  app = await startApp();
  if (!existsSync(path.join(DIST, 'isnad.js')) || !existsSync(path.join(DIST, 'examples', 'two-instances.html'))) {
    throw new Error(`${DIST} has no isnad.js or examples/: rebuild with \`TRUNK_OFFLINE=true trunk build --release\``);
  }
});
after(async () => {
  await app?.close();
});

/** Polls `check` until it returns something truthy; fails with `what` after `timeout` ms. */
async function until(check, what, timeout = 30_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const result = await check();
    if (result) return result;
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Opens dist/examples/`file` (at `base`, the server's URL unless given),
 * recording every request (`page.requestLog`), page error and console
 * error (`page.errorLog`), every console message (`page.consoleLog`) and,
 * in every frame, each CSP violation (`window.__cspViolations`).
 */
async function openExample(file, { base = app.server.url, init } = {}) {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  page.requestLog = [];
  page.errorLog = [];
  page.consoleLog = [];
  page.on('request', (request) => page.requestLog.push(request.url()));
  page.on('pageerror', (error) => page.errorLog.push(String(error)));
  page.on('console', (message) => {
    const line = `${message.text()} (${message.location().url})`;
    page.consoleLog.push(line);
    if (message.type() === 'error') page.errorLog.push(line);
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  if (init) await page.addInitScript(init);
  await page.goto(`${base}/examples/${file}`, { waitUntil: 'load' });
  return page;
}

/**
 * Page and console errors, less the 404 of /favicon.ico that Chromium asks
 * for on its own (the pages name no icon: a data: one would break the CSP).
 */
const errors = (page) => page.errorLog.filter((e) => !/\/favicon\.ico\)$/.test(e));

/** The CSP violations reported in the page (or a frame). */
const violations = (target) => target.evaluate(() => window.__cspViolations ?? []);

/** Waits until the example's status output leaves "loading"; it must say "ready". */
async function settled(page, prefix) {
  const status = page.locator(`#${prefix}-status`);
  await page.locator(`#${prefix}-status:not([data-state="loading"])`).waitFor({ timeout: 30_000 });
  assert.equal(await status.getAttribute('data-state'), 'ready', `#${prefix}-status says: ${await status.textContent()}`);
}

/** Checks a W3C AnnotationCollection export against the isnad/1 `file`. */
function checkW3c(collection, file) {
  assert.equal(collection.type, 'AnnotationCollection');
  const items = collection.first.items;
  const expected = file.annotations.filter((a) => a.kind !== 'boilerplate');
  assert.equal(items.length, expected.length, 'one W3C annotation per quote and claim');
  assert.equal(collection.total, items.length);
  const chars = [...file.document.text];
  for (const item of items) {
    const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector');
    const position = item.target.selector.find((s) => s.type === 'TextPositionSelector');
    assert.equal(chars.slice(position.start, position.end).join(''), quote.exact);
  }
}

/** The one-claim isnad/1 file for the whole first sentence of `text`. */
function oneClaim(text, language, id = 'c9') {
  const chars = [...text];
  let end = chars.findIndex((c) => c === '.' || c === '،');
  if (end < 0) end = chars.length;
  return {
    schema: 'isnad/1',
    document: { language, text },
    annotations: [
      { id, kind: 'claim', start: 0, end, text: chars.slice(0, end).join(''), origin: 'editor', categories: ['statistic'], score: 1, status: 'verified' },
    ],
    speakers: [],
  };
}

describe('the example pages', () => {
  it('are copied verbatim into dist/examples/, with the strict CSP and nothing inline', () => {
    for (const name of PAGES) {
      for (const file of [`${name}.html`, `${name}.js`]) {
        const built = path.join(DIST, 'examples', file);
        assert.ok(existsSync(built), `${built} exists`);
        assert.equal(readFileSync(built, 'utf8'), readFileSync(path.join(REPO, 'examples', file), 'utf8'), file);
      }
      const html = readFileSync(path.join(DIST, 'examples', `${name}.html`), 'utf8');
      assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${CSP}"`), `${name}.html carries the CSP`);
      assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, `${name}.html has no inline script`);
      assert.doesNotMatch(html, /<style|\sstyle=/, `${name}.html has no inline style`);
    }
    assert.ok(existsSync(path.join(DIST, 'examples', 'examples.css')));
  });

  it("index.html and embed.html forbid <base> and form submission in their CSP (base-uri 'none'; form-action 'none')", () => {
    for (const file of ['index.html', 'embed.html']) {
      const html = readFileSync(path.join(DIST, file), 'utf8');
      const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1] ?? '';
      assert.match(csp, /(^|; )base-uri 'none'(;|$)/, `${file}: ${csp}`);
      assert.match(csp, /(^|; )form-action 'none'(;|$)/, `${file}: ${csp}`);
    }
  });

  it('sit beside the stable release files they load', () => {
    for (const file of ['isnad.js', 'isnad-web.js', 'isnad-web_bg.wasm', 'app.css', 'embed.html']) {
      assert.ok(existsSync(path.join(DIST, file)), `dist/${file} exists`);
    }
  });
});

describe('two instances on one page (examples/two-instances.html)', () => {
  let page;
  const inside = (name, selector) => page.locator(`#${name}-editor .isnad-host ${selector}`);
  const highlights = (name) => inside(name, '#isnad-article [data-annotation-id]');
  const file = (name, format) =>
    page.evaluate(([n, f]) => window.isnadExample.handles[n].getAnnotations(f), [name, format ?? 'isnad']);
  const ids = async (name) => (await file(name)).annotations.map((a) => a.id);

  before(async () => {
    page = await openExample('two-instances.html');
    await settled(page, 'first');
    await settled(page, 'second');
  });
  after(() => page?.close());

  it('mounts one .isnad-host with an open shadow root into each element', async () => {
    for (const name of ['first', 'second']) {
      const shape = await page.locator(`#${name}-editor`).evaluate((element) => {
        const host = element.querySelector(':scope > .isnad-host');
        return { children: element.children.length, host: Boolean(host), shadow: Boolean(host?.shadowRoot) };
      });
      assert.deepEqual(shape, { children: 1, host: true, shadow: true }, name);
      await highlights(name).first().waitFor();
      assert.equal(await inside(name, '#isnad-text').inputValue(), await page.locator(`#${name}-input`).inputValue());
    }
    // The app's ids live inside the shadow roots, not in the page.
    assert.equal(await page.evaluate(() => document.getElementById('isnad-article')), null);
    const analysed = async (name) => until(async () => {
      const f = await file(name);
      return f.annotations.length > 0 ? f : null;
    }, `${name}: the analysis is published`);
    const ar = await analysed('first');
    const en = await analysed('second');
    assert.equal(ar.schema, 'isnad/1');
    assert.equal(ar.document.language, 'ar');
    assert.equal(en.document.language, 'en');
    assert.ok(ar.annotations.some((a) => a.kind === 'quote') && ar.annotations.some((a) => a.kind === 'claim'));
    assert.ok(en.annotations.every((a) => a.kind !== 'boilerplate'), 'detect: quotes and claims only');
    await until(async () => (await page.locator('#first-count').textContent()) === String(ar.annotations.length), 'the first count');
    await until(async () => (await page.locator('#second-count').textContent()) === String(en.annotations.length), 'the second count');
  });

  it('themes each instance on its own: the theme option, or the page CSS', async () => {
    const accent = (name) =>
      page.locator(`#${name}-editor > .isnad-host`).evaluate((host) => {
        // Compare colours, not their spelling: resolve both through `color`.
        const resolve = (value) => {
          const probe = document.createElement('span');
          probe.style.color = value;
          document.body.append(probe);
          const rgb = getComputedStyle(probe).color;
          probe.remove();
          return rgb;
        };
        return resolve(getComputedStyle(host).getPropertyValue('--isnad-accent').trim());
      });
    const rgb = (r, g, b) => `rgb(${r}, ${g}, ${b})`;
    assert.equal(await accent('first'), rgb(0x0b, 0x6e, 0x4f), 'theme.accent on the Arabic one');
    assert.equal(await accent('second'), rgb(0x6d, 0x28, 0xd9), '--isnad-accent from examples.css on the English one');
  });

  it('sets the text of one instance and leaves the other alone', async () => {
    const other = await file('second');
    const text = 'قالت وزيرة الصحة إن 12 مستشفى جديداً ستُفتتح العام المقبل.';
    await page.locator('#first-input').fill(text);
    await page.locator('#first-set').click();
    await until(async () => (await inside('first', '#isnad-text').inputValue()) === text, 'the first textarea shows the new text');
    await until(async () => (await file('first')).document.text === text, 'getAnnotations() has the new text');
    await highlights('first').first().waitFor();
    assert.match(await inside('first', '#isnad-article').textContent(), /مستشفى/);
    const now = await file('first');
    assert.ok(now.annotations.length >= 1);
    await until(async () => (await page.locator('#first-count').textContent()) === String(now.annotations.length), 'the count follows');
    assert.deepEqual(await file('second'), other);
    assert.equal(await inside('second', '#isnad-text').inputValue(), other.document.text);
  });

  it('restores another article in call order: setText(B) then setAnnotations(savedB) places every annotation on B', async () => {
    const textB = 'قال المتحدث إن 40 شاحنة عبرت المعبر أمس.';
    const saved = oneClaim(textB, 'ar', 'c7');
    const result = await page.evaluate(([textB, saved]) => {
      const { handles } = window.isnadExample;
      const changes = [];
      handles.first.on('change', (file) => changes.push(file));
      window.__changes = changes;
      handles.first.setText(textB);
      const right = handles.first.getAnnotations('isnad').document.text;
      const placed = handles.first.setAnnotations(saved);
      return { right, placed };
    }, [textB, saved]);
    assert.equal(result.right, textB);
    assert.deepEqual(result.placed.orphans, []);
    await until(async () => (await file('first')).document.text === textB, 'the text is B');
    await until(async () => (await ids('first')).includes('c7'), 'the saved claim is on B');
    await until(async () => (await inside('first', '#isnad-text').inputValue()) === textB, 'the textarea shows B');
    // The last change the host heard is B with its saved annotation.
    const last = await page.evaluate(() => window.__changes.at(-1));
    assert.equal(last.document.text, textB);
    assert.ok(last.annotations.some((a) => a.id === 'c7' && a.status === 'verified'));
  });

  it('fires select, then change after an edit, in the edited instance only', async () => {
    await page.evaluate(() => {
      window.__changes = { first: [], second: [] };
      for (const name of ['first', 'second']) {
        window.isnadExample.handles[name].on('change', (file) => window.__changes[name].push(file.annotations.map((a) => a.id)));
      }
    });
    const before = await ids('first');
    const other = await file('second');
    await highlights('first').first().click();
    await until(async () => (await page.locator('#first-selected').textContent()) !== 'none', 'a select event with a detail');
    await inside('first', '#isnad-article').press('Delete');
    await page.waitForFunction((n) => window.__changes.first.some((list) => list.length === n), before.length - 1);
    const now = await ids('first');
    assert.equal(now.length, before.length - 1);
    assert.ok(now.every((id) => before.includes(id)));
    await until(async () => (await page.locator('#first-count').textContent()) === String(now.length), 'the count follows the change');
    assert.deepEqual(await page.evaluate(() => window.__changes.second), []);
    assert.deepEqual(await file('second'), other);
  });

  it('stops calling a callback once it is off()', async () => {
    await page.evaluate(() => {
      const handle = window.isnadExample.handles.second;
      window.__calls = { on: 0, off: 0 };
      const dropped = () => window.__calls.off++;
      handle.on('change', dropped);
      handle.on('change', () => window.__calls.on++);
      handle.off('change', dropped);
    });
    await highlights('second').first().click();
    await inside('second', '#isnad-article').press('Delete');
    await page.waitForFunction(() => window.__calls.on > 0);
    assert.equal(await page.evaluate(() => window.__calls.off), 0);
  });

  it('exports W3C JSON with the Export button', async () => {
    await page.locator('#first-export').click();
    await until(async () => (await page.locator('#first-output').textContent()).length > 0, 'the export is shown');
    const collection = JSON.parse(await page.locator('#first-output').textContent());
    const isnad = await file('first');
    checkW3c(collection, isnad);
    assert.deepEqual(await file('first', 'isnad'), await page.evaluate(() => window.isnadExample.handles.first.getAnnotations()));
  });

  it('takes annotations with setAnnotations, and refuses bad input with a clear Error, changing nothing', async () => {
    const text = (await file('first')).document.text;
    await page.evaluate((f) => window.isnadExample.handles.first.setAnnotations(f), oneClaim(text, 'ar'));
    await inside('first', '#isnad-article [data-annotation-id="c9"]').first().waitFor();
    await until(async () => (await ids('first')).includes('c9'), 'c9 is among the annotations');
    const before = await file('first');
    const other = await file('second');
    const messages = await page.evaluate(async () => {
      const { mount, handles } = window.isnadExample;
      const out = {};
      const attempt = async (name, run) => {
        try {
          await run();
          out[name] = 'no error';
        } catch (error) {
          out[name] = `${error instanceof Error ? 'Error' : typeof error}: ${error?.message}`;
        }
      };
      const scratch = document.createElement('div');
      document.body.append(scratch);
      await attempt('element', () => mount('#first-editor', {}));
      await attempt('language', () => mount(scratch, { language: 'de' }));
      await attempt('uiLanguage', () => mount(scratch, { uiLanguage: 'zz' }));
      await attempt('detect', () => mount(scratch, { detect: ['everything'] }));
      await attempt('readOnly', () => mount(scratch, { readOnly: 'yes' }));
      await attempt('text', () => mount(scratch, { text: 42 }));
      out.scratchChildren = scratch.children.length;
      scratch.remove();
      await attempt('setText', () => handles.first.setText(42));
      await attempt('setAnnotations', () => handles.first.setAnnotations({ schema: 'acme/7', items: [] }));
      await attempt('setAnnotationsJson', () => handles.first.setAnnotations('{"schema": "isnad/1", "document": '));
      return out;
    });
    const expected = {
      element: /element/i,
      language: /language/,
      uiLanguage: /uiLanguage/,
      detect: /detect/,
      readOnly: /readOnly/,
      text: /text/,
      setText: /text|string/i,
      setAnnotations: /acme\/7|schema/,
      setAnnotationsJson: /JSON|isnad|document|end/i,
    };
    for (const [name, pattern] of Object.entries(expected)) {
      assert.match(messages[name], /^Error: ./, `${name}: ${messages[name]}`);
      assert.match(messages[name], pattern, `${name}: ${messages[name]}`);
    }
    assert.equal(messages.scratchChildren, 0, 'a refused mount leaves the element empty');
    assert.deepEqual(await file('first'), before);
    assert.deepEqual(await file('second'), other);
  });

  it('keeps no text in browser storage without the autosave option', async () => {
    const stored = await page.evaluate(() => Object.values(localStorage).join('\n'));
    assert.doesNotMatch(stored, /مستشفى|Prices rose|education minister/);
  });

  it('destroy() removes only its own instance and restores the element', async () => {
    await page.locator('#first-destroy').click();
    await page.locator('#first-status[data-state="destroyed"]').waitFor();
    assert.equal(await page.locator('#first-editor').evaluate((element) => element.innerHTML), '');
    // The other one keeps working.
    const text = 'Prices rose 4.5% in May, the minister said.';
    await page.locator('#second-input').fill(text);
    await page.locator('#second-set').click();
    await until(async () => (await inside('second', '#isnad-text').inputValue()) === text, 'the second instance shows the new text');
    await highlights('second').first().waitFor();
    // An element with content of its own gets it back exactly.
    const round = await page.evaluate(async () => {
      const element = document.createElement('div');
      element.innerHTML = '<p class="keep">kept <b>as it was</b></p><!-- a comment -->';
      document.body.append(element);
      const before = element.innerHTML;
      const handle = await window.isnadExample.mount(element, { text: 'The minister said that 300 schools would reopen.' });
      await handle.ready;
      const during = element.children.length;
      handle.destroy();
      const after = element.innerHTML;
      element.remove();
      return { before, during, after };
    });
    assert.equal(round.during, 2);
    assert.equal(round.after, round.before);
  });

  it('readOnly: the interface does not edit', async () => {
    const result = await page.evaluate(async () => {
      const element = document.createElement('div');
      element.id = 'readonly-editor';
      document.body.append(element);
      const handle = await window.isnadExample.mount(element, { text: 'Prices rose 4.5% in May, the minister said.', readOnly: true });
      await handle.ready;
      // Wait for the analysis, then count the changes to its annotations.
      while (handle.getAnnotations().annotations.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      const ids = handle.getAnnotations().annotations.map((a) => a.id);
      window.__readOnly = { handle, changes: 0 };
      handle.on('change', (file) => {
        if (file.annotations.map((a) => a.id).join() !== ids.join()) window.__readOnly.changes++;
      });
      return ids;
    });
    assert.ok(result.length > 0);
    await page.locator('#readonly-editor .isnad-host #isnad-article [data-annotation-id]').first().click();
    await page.locator('#readonly-editor .isnad-host #isnad-article').press('Delete');
    await page.waitForTimeout(300);
    // No editing controls: no toolbar, no undo, fact-check fields locked.
    const host = '#readonly-editor .isnad-host';
    assert.equal(await page.locator(`${host} .toolbar`).count(), 0);
    assert.equal(await page.locator(`${host} #isnad-undo`).count(), 0);
    assert.equal(await page.locator(`${host} #isnad-text`).count(), 0);
    const statuses = page.locator(`${host} #isnad-claims select.status`);
    assert.ok((await statuses.count()) > 0);
    assert.equal(await statuses.first().isDisabled(), true);
    const after = await page.evaluate(() => {
      const { handle, changes } = window.__readOnly;
      const now = handle.getAnnotations().annotations.map((a) => a.id);
      handle.destroy();
      document.getElementById('readonly-editor').remove();
      return { now, changes };
    });
    assert.deepEqual(after, { now: result, changes: 0 });
  });

  it('autosave keeps the document under the given key prefix (keys "<prefix>:…")', async () => {
    await page.evaluate(async () => {
      const element = document.createElement('div');
      document.body.append(element);
      const handle = await window.isnadExample.mount(element, { text: 'Prices rose 4.5% in May, the minister said.', autosave: 'isnad-e2e' });
      await handle.ready;
      handle.setText('Unemployment fell to 4.1% in March, the statistics office said.');
      window.__autosaved = { handle, element };
    });
    await page.waitForFunction(
      () => Object.keys(localStorage).some((k) => k.startsWith('isnad-e2e:') && localStorage.getItem(k).includes('Unemployment fell')),
      null,
      { timeout: 10_000 },
    );
    const keys = await page.evaluate(() => {
      window.__autosaved.handle.destroy();
      window.__autosaved.element.remove();
      return Object.keys(localStorage);
    });
    assert.ok(keys.every((k) => k.startsWith('isnad-e2e:')), `only prefixed keys: ${keys.join(', ')}`);
  });

  it('made no request to another origin, reported no CSP violation and logged no error', async () => {
    assert.deepEqual(page.requestLog.filter((url) => !url.startsWith(app.server.url + '/')), []);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(errors(page), []);
  });
});

describe('the <isnad-annotator> element (examples/custom-element.html)', () => {
  let page;
  const inside = (selector) => page.locator(`#annotator ${selector}`);
  const file = (format) => page.evaluate((f) => document.getElementById('annotator').getAnnotations(f), format ?? 'isnad');

  before(async () => {
    page = await openExample('custom-element.html');
    await settled(page, 'ce');
  });
  after(() => page?.close());

  it('is defined by isnad.js and renders the Arabic article in its own shadow root', async () => {
    assert.equal(await page.evaluate(() => typeof customElements.get('isnad-annotator')), 'function');
    assert.equal(await page.locator('#annotator').evaluate((element) => element.shadowRoot !== null), true);
    await inside('#isnad-article [data-annotation-id]').first().waitFor();
    const input = await page.locator('#ce-input').inputValue();
    const now = await until(async () => {
      const f = await file();
      return f.document.text === input && f.annotations.length > 0 ? f : null;
    }, 'getAnnotations() has the text, analysed');
    assert.equal(now.document.language, 'ar');
    assert.equal(await page.locator('#annotator').evaluate((element) => element.text), input);
    assert.equal(await inside('#isnad-text').inputValue(), input);
    assert.ok((await page.locator('#ce-log li[data-event="isnad-ready"]').count()) >= 1);
    await until(async () => (await page.locator('#ce-count').textContent()) === String(now.annotations.length), 'the count follows isnad-change');
  });

  it('re-analyses when the text property is set', async () => {
    const text = 'أكد رئيس البلدية أن أعمال الصيانة ستنتهي في مارس.';
    await page.locator('#ce-input').fill(text);
    await page.locator('#ce-set').click();
    await until(async () => (await inside('#isnad-text').inputValue()) === text, 'the element shows the new text');
    assert.equal(await page.locator('#annotator').evaluate((element) => element.text), text);
    await until(async () => (await file()).document.text === text, 'getAnnotations() has the new text');
    await inside('#isnad-article [data-annotation-id]').first().waitFor();
  });

  it('fires isnad-select and, after an edit, isnad-change: bubbling and composed', async () => {
    await page.evaluate(() => {
      window.__events = [];
      for (const type of ['isnad-change', 'isnad-select']) {
        document.addEventListener(type, (event) => {
          window.__events.push({
            type,
            target: event.target.id,
            bubbles: event.bubbles,
            composed: event.composed,
            select: type === 'isnad-select' ? event.detail : undefined,
            ids: type === 'isnad-change' ? event.detail.annotations.map((a) => a.id) : undefined,
            schema: type === 'isnad-change' ? event.detail.schema : undefined,
          });
        });
      }
    });
    const before = await file();
    await inside('#isnad-article [data-annotation-id]').first().click();
    await page.waitForFunction(() => window.__events.some((e) => e.type === 'isnad-select' && e.select));
    const select = (await page.evaluate(() => window.__events)).filter((e) => e.type === 'isnad-select' && e.select).at(-1);
    assert.deepEqual([select.target, select.bubbles, select.composed], ['annotator', true, true]);
    const chosen = before.annotations.find((a) => a.id === select.select.id);
    assert.ok(chosen, `the selected id ${select.select.id} is an annotation`);
    assert.equal(select.select.kind, chosen.kind);
    assert.equal(select.select.text, chosen.text);

    await inside('#isnad-article').press('Delete');
    const n = before.annotations.length - 1;
    await page.waitForFunction((count) => window.__events.some((e) => e.type === 'isnad-change' && e.ids.length === count), n);
    const change = (await page.evaluate(() => window.__events)).filter((e) => e.type === 'isnad-change').at(-1);
    assert.deepEqual([change.target, change.bubbles, change.composed, change.schema], ['annotator', true, true, 'isnad/1']);
    assert.ok(!change.ids.includes(chosen.id), 'the selected annotation was deleted');
    await page.locator(`#ce-log li[data-event="isnad-change"][data-count="${n}"]`).waitFor();
    await until(async () => (await page.locator('#ce-count').textContent()) === String(n), 'the count follows');
  });

  it('takes annotations through the annotations property', async () => {
    const text = (await file()).document.text;
    await page.locator('#annotator').evaluate((element, f) => {
      element.annotations = f;
    }, oneClaim(text, 'ar'));
    await inside('#isnad-article [data-annotation-id="c9"]').first().waitFor();
    await until(async () => (await file()).annotations.some((a) => a.id === 'c9' && a.status === 'verified'), 'c9 is there, verified');
    assert.equal(await inside('#isnad-claims li[data-annotation-id="c9"] select.status').inputValue(), 'verified');
  });

  it('exports W3C JSON with the Export button', async () => {
    await page.locator('#ce-export').click();
    await until(async () => (await page.locator('#ce-output').textContent()).length > 0, 'the export is shown');
    checkW3c(JSON.parse(await page.locator('#ce-output').textContent()), await file());
  });

  it('reported no CSP violation and logged no error', async () => {
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(errors(page), []);
  });

  it('is torn down by removing it, and a new one can be added later', async () => {
    await page.locator('#ce-remove').click();
    await page.locator('#ce-status[data-state="destroyed"]').waitFor();
    assert.equal(await page.locator('isnad-annotator').count(), 0);
    await page.evaluate(() => {
      const element = document.createElement('isnad-annotator');
      element.id = 'again';
      element.setAttribute('lang', 'en');
      element.text = 'Prices rose 4.5% in May, the minister said.';
      document.getElementById('ce-container').append(element);
    });
    await page.locator('#again #isnad-article [data-annotation-id]').first().waitFor();
    assert.equal(await page.locator('#again').evaluate((element) => element.getAnnotations().document.language), 'en');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(errors(page), []);
  });

  it('keeps a text set right after the element is added, while it is still starting', async () => {
    const text = 'The mayor said that 300 new homes would be built by 2026.';
    await page.evaluate((t) => {
      const element = document.createElement('isnad-annotator');
      element.id = 'later';
      document.getElementById('ce-container').append(element);
      element.text = t;
    }, text);
    await until(async () => (await page.locator('#later #isnad-text').inputValue({ timeout: 1_000 }).catch(() => '')) === text, 'the text set while starting is shown');
    await page.locator('#later #isnad-article [data-annotation-id]').first().waitFor();
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(errors(page), []);
  });
});

/** Records, in the top window only, every message it receives. */
function recordReceived() {
  if (window !== window.top) return;
  window.__received = [];
  window.addEventListener(
    'message',
    (event) => {
      const frame = document.getElementById('isnad-frame');
      window.__received.push({
        type: event.data?.type ?? null,
        origin: event.origin,
        fromFrame: Boolean(frame) && event.source === frame.contentWindow,
      });
    },
    true,
  );
}

/**
 * Lets `frame` note when a { marker } message arrives, then settle a moment:
 * messages to one window are delivered in order, so once the marker is
 * seen, every message posted before it has been handled (or ignored).
 */
async function armMarker(frame) {
  await frame.evaluate(() => {
    window.__markerSeen = new Promise((resolve) => {
      window.addEventListener('message', function seen(event) {
        if (event.data?.marker !== 'isnad-e2e') return;
        window.removeEventListener('message', seen);
        setTimeout(() => resolve(true), 150);
      });
    });
  });
}

describe('isnad in an iframe (examples/iframe-host.html)', () => {
  let page;
  let frame;
  const inside = (selector) => page.frameLocator('#isnad-frame').locator(selector);
  const logged = (type) => page.locator(`#frame-log li[data-type="${type}"]`);

  /** Clicks "Get annotations" in `format`; resolves to the reply shown in #frame-output. */
  async function getAnnotations(format) {
    const replies = await logged('annotations').count();
    await page.locator('#frame-output').evaluate((output) => {
      output.textContent = '';
    });
    await page.locator('#frame-format').selectOption(format);
    await page.locator('#frame-get').click();
    await until(async () => (await logged('annotations').count()) > replies, `a reply to getAnnotations(${format})`);
    return until(async () => {
      const shown = await page.locator('#frame-output').textContent();
      if (!shown) return null;
      const value = JSON.parse(shown);
      const ok = format === 'w3c' ? value.type === 'AnnotationCollection' : value.schema === 'isnad/1';
      return ok ? value : null;
    }, `#frame-output shows the ${format} reply`);
  }

  before(async () => {
    page = await openExample('iframe-host.html', { init: recordReceived });
    await settled(page, 'frame');
    frame = await until(() => page.frames().find((f) => f.url().includes('/embed.html?')), 'the frame exists');
  });
  after(() => page?.close());

  it('loads embed.html trusting this origin, and says ready (protocol version 1)', async () => {
    const url = new URL(frame.url());
    assert.equal(url.origin + url.pathname, `${app.server.url}/embed.html`);
    assert.deepEqual(url.searchParams.getAll('origin'), [app.server.url]);
    assert.match(await logged('ready').first().textContent(), /protocol version 1/);
    // The host sends its text on ready.
    const input = await page.locator('#frame-input').inputValue();
    await until(async () => (await inside('#isnad-text').inputValue()) === input, 'the frame shows the text sent on ready');
    await inside('#isnad-article [data-annotation-id]').first().waitFor();
    const received = await page.evaluate(() => window.__received);
    assert.ok(received.some((m) => m.type === 'ready'));
    for (const message of received) {
      assert.deepEqual([message.origin, message.fromFrame], [app.server.url, true], JSON.stringify(message));
    }
  });

  it('replaces the text with setText', async () => {
    const text = 'The mayor said that 300 new homes would be built by 2026.';
    await page.locator('#frame-input').fill(text);
    await page.locator('#frame-set').click();
    await until(async () => (await inside('#isnad-text').inputValue()) === text, 'the frame shows the new text');
    await inside('#isnad-article [data-annotation-id]').first().waitFor();
  });

  it('answers getAnnotations in isnad/1 and in W3C', async () => {
    const text = await page.locator('#frame-input').inputValue();
    const isnad = await until(async () => {
      const f = await getAnnotations('isnad');
      return f.document.text === text && f.annotations.length > 0 ? f : null;
    }, 'the reply holds the new text, analysed');
    assert.equal(isnad.document.language, 'en');
    assert.ok(isnad.annotations.length >= 1);
    await page.locator('#frame-log li[data-type="annotations"][data-format="isnad"]').first().waitFor();
    checkW3c(await getAnnotations('w3c'), isnad);
  });

  it('posts change after an edit in the frame', async () => {
    const before = await getAnnotations('isnad');
    const changes = await logged('change').count();
    await inside('#isnad-article [data-annotation-id]').first().click();
    await inside('#isnad-article').press('Delete');
    const n = before.annotations.length - 1;
    await until(async () => (await logged('change').count()) > changes && (await logged('change').last().getAttribute('data-count')) === String(n), `a change message with ${n} annotations`);
    assert.equal(await page.locator('#frame-count').textContent(), String(n));
    const after = await getAnnotations('isnad');
    assert.equal(after.annotations.length, n);
    assert.ok(after.annotations.every((a) => before.annotations.some((b) => b.id === a.id)));
  });

  it('reported no CSP violation (page and frame) and logged no error', async () => {
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(await violations(frame), []);
    assert.deepEqual(errors(page), []);
  });

  it('answers bad requests with error messages and keeps the document', async () => {
    const before = await getAnnotations('isnad');
    const errorsBefore = await logged('error').count();
    await page.evaluate((origin) => {
      const target = document.getElementById('isnad-frame').contentWindow;
      target.postMessage({ isnad: 1, type: 'setAnnotations', annotations: { schema: 'acme/7', items: [] } }, origin);
      target.postMessage({ isnad: 1, type: 'getAnnotations', id: 99, format: 'xml' }, origin);
    }, app.server.url);
    await until(async () => (await logged('error').count()) >= errorsBefore + 2, 'two error messages');
    await page.locator('#frame-log li[data-type="error"][data-id="99"]').waitFor();
    const texts = await logged('error').allTextContents();
    assert.ok(texts.some((t) => /acme\/7|schema/.test(t)), texts.join(' | '));
    assert.deepEqual(await getAnnotations('isnad'), before);
  });

  it('ignores a message that does not come from its parent window', async () => {
    const text = await inside('#isnad-text').inputValue();
    await armMarker(frame);
    // Same origin as the trusted host, but event.source is the frame itself.
    await frame.evaluate(() => window.postMessage({ isnad: 1, type: 'setText', text: 'forged' }, '*'));
    await page.evaluate((origin) => document.getElementById('isnad-frame').contentWindow.postMessage({ marker: 'isnad-e2e' }, origin), app.server.url);
    await frame.evaluate(() => window.__markerSeen);
    assert.equal(await inside('#isnad-text').inputValue(), text);
  });

  it('is torn down by removing the iframe', async () => {
    await page.locator('#frame-remove').click();
    await page.locator('#frame-status[data-state="destroyed"]').waitFor();
    assert.equal(await page.locator('iframe').count(), 0);
  });
});

describe('an iframe that trusts another origin ignores this page', () => {
  // The server listens on 127.0.0.1 only. The host page is loaded from
  // http://127.0.0.1:PORT, and its frame is told to trust only
  // http://localhost:PORT: a different origin to the browser.
  let page;
  let frame;
  let trusted;
  const inside = (selector) => page.frameLocator('#isnad-frame').locator(selector);

  before(async () => {
    trusted = app.server.url.replace('127.0.0.1', 'localhost');
    assert.notEqual(trusted, app.server.url);
    page = await openExample('iframe-host.html', { init: recordReceived });
    await settled(page, 'frame');
    await page.evaluate((origin) => {
      document.getElementById('isnad-frame').src = `../embed.html?origin=${encodeURIComponent(origin)}`;
    }, trusted);
    frame = await until(() => page.frames().find((f) => f.url().includes('/embed.html?') && f.url().includes('localhost')), 'the re-pointed frame exists');
    await frame.waitForLoadState('load');
    await inside('#isnad-text').waitFor({ timeout: 30_000 });
    // Its "ready" goes to http://localhost:PORT only; the browser drops it
    // and says so in the console. Wait for that (briefly: it is only a
    // sign that the frame is listening).
    await until(() => page.consoleLog.some((t) => t.includes(trusted)), 'the frame posted to the trusted origin', 5_000).catch(() => {});
  });
  after(() => page?.close());

  it('changes nothing on setText, setAnnotations or getAnnotations from an untrusted origin, and answers nothing', async () => {
    const received = await page.evaluate(() => window.__received.length);
    const logLength = await page.locator('#frame-log li').count();
    const text = await inside('#isnad-text').inputValue();
    const highlights = await inside('#isnad-article [data-annotation-id]').count();
    await armMarker(frame);
    // The page's own button: posted from http://127.0.0.1:PORT.
    await page.locator('#frame-input').fill('The minister said that 90% of the schools would reopen in May.');
    await page.locator('#frame-set').click();
    await page.evaluate(([origin, file]) => {
      const target = document.getElementById('isnad-frame').contentWindow;
      target.postMessage({ isnad: 1, type: 'setAnnotations', annotations: file }, origin);
      target.postMessage({ isnad: 1, type: 'getAnnotations', id: 7, format: 'isnad' }, origin);
      target.postMessage({ marker: 'isnad-e2e' }, origin);
    }, [app.server.url, oneClaim('Prices rose 4.5% in May.', 'en')]);
    await frame.evaluate(() => window.__markerSeen);
    assert.equal(await inside('#isnad-text').inputValue(), text);
    assert.equal(await inside('#isnad-article [data-annotation-id]').count(), highlights);
    assert.equal(await inside('#isnad-article [data-annotation-id="c9"]').count(), 0);
    // Nothing came back: no reply, no error. And the re-pointed frame's own
    // "ready" never arrived either (it would, posted to "*"): the only one
    // is the first frame's.
    const all = await page.evaluate(() => window.__received);
    assert.deepEqual(all.slice(received), []);
    assert.equal(all.filter((m) => m.type === 'ready').length, 1, 'one ready: the first frame\'s');
    const newLog = (await page.locator('#frame-log li').evaluateAll((items) => items.map((li) => li.dataset.type))).slice(logLength);
    assert.deepEqual(newLog, ['setText'], 'only the page\'s own note of what it sent');
    assert.deepEqual(await violations(frame), []);
  });
});

describe('a page with a strict CSP (examples/csp.html)', () => {
  let page;
  const inside = (selector) => page.locator(`#csp-editor .isnad-host ${selector}`);
  const file = (format) => page.evaluate((f) => window.isnadExample.handle.getAnnotations(f), format ?? 'isnad');
  // What the page may load: itself, its script and style, and isnad's files.
  const OWN = /^\/(examples\/(csp\.html|csp\.js|examples\.css)|isnad\.js|isnad-web\.js|isnad-web_bg\.wasm|app\.css|snippets\/.+\.js|favicon\.ico)$/;

  before(async () => {
    page = await openExample('csp.html');
    await settled(page, 'csp');
  });
  after(() => page?.close());

  it('loads isnad with no CSP violation and no error', async () => {
    await inside('#isnad-article [data-annotation-id]').first().waitFor();
    assert.equal(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content), CSP);
    assert.equal(await page.evaluate(() => document.querySelectorAll('script:not([src]), style').length), 0);
    const now = await until(async () => {
      const f = await file();
      return f.annotations.length > 0 ? f : null;
    }, 'the analysis is published');
    assert.equal(now.document.language, 'fr', 'language "auto" detects French');
    assert.ok(now.annotations.length >= 2);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(errors(page), []);
  });

  it('requested only its own files, all from its own origin', () => {
    const foreign = page.requestLog.filter((url) => !url.startsWith(app.server.url + '/'));
    assert.deepEqual(foreign, []);
    const paths = page.requestLog.map((url) => new URL(url).pathname);
    assert.deepEqual(paths.filter((p) => !OWN.test(p)), []);
    for (const needed of ['/isnad.js', '/isnad-web.js', '/isnad-web_bg.wasm']) assert.ok(paths.includes(needed), needed);
  });

  it('sets text, fires change after an edit, exports and is destroyed without any request or violation', async () => {
    const requests = page.requestLog.length;
    await page.evaluate(() => {
      window.__changes = [];
      window.isnadExample.handle.on('change', (file) => window.__changes.push(file.annotations.length));
    });
    const text = 'Le maire a affirmé que 300 logements seraient construits en 2026.';
    await page.locator('#csp-input').fill(text);
    await page.locator('#csp-set').click();
    await until(async () => (await inside('#isnad-text').inputValue()) === text, 'the new text is shown');
    await until(async () => (await file()).document.text === text, 'getAnnotations() has the new text');
    await inside('#isnad-article [data-annotation-id]').first().waitFor();
    const before = (await file()).annotations.length;
    await inside('#isnad-article [data-annotation-id]').first().click();
    await inside('#isnad-article').press('Delete');
    await page.waitForFunction((n) => window.__changes.includes(n), before - 1);
    await until(async () => (await page.locator('#csp-count').textContent()) === String(before - 1), 'the count follows');
    await page.locator('#csp-export').click();
    await until(async () => (await page.locator('#csp-output').textContent()).length > 0, 'the export is shown');
    checkW3c(JSON.parse(await page.locator('#csp-output').textContent()), await file());
    await page.locator('#csp-destroy').click();
    await page.locator('#csp-status[data-state="destroyed"]').waitFor();
    assert.equal(await page.locator('#csp-editor').evaluate((element) => element.innerHTML), '');
    assert.deepEqual(page.requestLog.slice(requests), [], 'no request after load');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(errors(page), []);
  });
});

describe('editing inside the shadow root', () => {
  it('marks a selected piece of the article as a claim with the keyboard', async () => {
    const page = await app.browser.newPage();
    try {
      await page.goto(`${app.server.url}/examples/csp.html`);
      await page.waitForFunction(() => document.querySelector('#csp-status')?.dataset.state === 'ready');
      const editor = '#csp-editor .isnad-host #isnad-article';
      await page.locator(`${editor} [data-annotation-id]`).first().waitFor();
      assert.equal(await page.locator(`${editor} [data-origin="editor"]`).count(), 0);
      // Select 15 characters of a long text node inside the shadow root.
      const selected = await page.evaluate(() => {
        const root = document.querySelector('#csp-editor .isnad-host').shadowRoot;
        const article = root.querySelector('#isnad-article');
        const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
        let node = walker.nextNode();
        while (node && node.textContent.trim().length < 20) node = walker.nextNode();
        const range = document.createRange();
        range.setStart(node, 0);
        range.setEnd(node, 15);
        article.focus();
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        return range.toString();
      });
      await page.keyboard.press('c');
      const marked = page.locator(`${editor} [data-kind="claim"][data-origin="editor"]`).first();
      await marked.waitFor();
      // Snapped to whole words: it starts where the selection did.
      assert.ok((await marked.textContent()).startsWith(selected.trim().split(/\s+/)[0]));
    } finally {
      await page.close();
    }
  });
});

/**
 * Opens a page of the test's own (`html`) at `${server}/e2e-host.html`, on
 * the server's origin so it can import /isnad.js. Records requests, errors
 * and console messages as openExample does.
 */
async function openHost(html, { setup } = {}) {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  page.requestLog = [];
  page.errorLog = [];
  page.consoleLog = [];
  page.on('request', (request) => page.requestLog.push(request.url()));
  page.on('pageerror', (error) => page.errorLog.push(String(error)));
  page.on('console', (message) => {
    const line = `${message.text()} (${message.location().url})`;
    page.consoleLog.push(line);
    if (message.type() === 'error') page.errorLog.push(line);
  });
  await page.route(`${app.server.url}/e2e-host.html`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  if (setup) await setup(page);
  await page.goto(`${app.server.url}/e2e-host.html`, { waitUntil: 'load' });
  return page;
}

describe('a host page with an element of its own called #isnad-app', () => {
  const TEXT = 'The minister said that 90% of the schools would reopen in May.';
  let page;
  before(async () => {
    page = await openHost(`<!doctype html>
<html><head><title>host</title></head><body>
<div id="isnad-app"><p id="mine">The host's own content.</p><div id="target"></div></div>
<script type="module">
import { mount } from '/isnad.js';
try {
  window.handle = await mount(document.getElementById('target'), { text: ${JSON.stringify(TEXT)} });
  await window.handle.ready;
  window.state = 'ready';
} catch (error) {
  window.state = 'error: ' + error.message;
}
</script></body></html>`);
    assert.equal(await until(() => page.evaluate(() => window.state), 'mount() settles'), 'ready');
  });
  after(() => page?.close());

  it('gets its mount() instance and no stand-alone app', async () => {
    const children = await page.evaluate(() => [...document.getElementById('isnad-app').children].map((e) => e.id));
    assert.deepEqual(children, ['mine', 'target'], 'the host element is left as it was');
    assert.equal(await page.locator('#target > .isnad-host').count(), 1);
    assert.equal(await page.evaluate(() => document.querySelectorAll('#isnad-app > :not(#mine, #target)').length), 0);
    // The one instance works: the text is there and analysed.
    assert.equal(await page.locator('#target .isnad-host #isnad-text').inputValue(), TEXT);
    await page.locator('#target .isnad-host #isnad-article [data-annotation-id]').first().waitFor();
    assert.equal(await page.locator('#isnad-text').count(), 1, 'one editor on the page');
  });

  it('stores nothing in localStorage without the autosave option, even after typing', async () => {
    await page.locator('#target .isnad-host #isnad-text').fill('Typed text that must not be stored anywhere.');
    await page.locator('#target .isnad-host #isnad-text').press('End');
    await page.keyboard.type(' More.');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
    assert.deepEqual(errors(page), []);
  });
});

describe('the theme option takes colours only', () => {
  let page;
  before(async () => {
    page = await openHost(`<!doctype html>
<html><head><title>host</title></head><body>
<div id="target"></div>
<script type="module">
import { mount } from '/isnad.js';
window.tryMount = async (theme) => {
  try {
    const handle = await mount(document.getElementById('target'), { text: 'Prices rose 4.5% in May.', theme });
    await handle.ready;
    const accent = document.querySelector('#target > .isnad-host').style.getPropertyValue('--isnad-accent');
    handle.destroy();
    return 'mounted ' + accent;
  } catch (error) {
    return 'error: ' + error.message;
  }
};
window.state = 'ready';
</script></body></html>`);
    await until(() => page.evaluate(() => window.state), 'the page is ready');
  });
  after(() => page?.close());

  it('refuses url() with a clear message, adds nothing and makes no request', async () => {
    const result = await page.evaluate(() => window.tryMount({ accent: 'url(https://example.invalid/x.png)' }));
    assert.match(result, /^error: isnad: options\.theme\.accent: .*url\(https:\/\/example\.invalid\/x\.png\).* is not a colour/);
    assert.equal(await page.locator('#target').evaluate((t) => t.childNodes.length), 0, 'nothing added to the element');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(page.requestLog.filter((url) => url.includes('example.invalid')), []);
  });

  it('refuses other non-colours and a theme that is not a plain object', async () => {
    for (const theme of [{ background: 'image-set("x.png" 1x)' }, { accent: 'var(--x, url(x.png))' }, { text: 'red; background: url(x.png)' }]) {
      const result = await page.evaluate((t) => window.tryMount(t), theme);
      assert.match(result, /^error: isnad: options\.theme\.\w+: .* is not a colour/, JSON.stringify(theme));
    }
    for (const theme of [5, true, []]) {
      const result = await page.evaluate((t) => window.tryMount(t), theme);
      assert.match(result, /^error: isnad: options\.theme must be an object/, JSON.stringify(theme));
    }
    assert.equal(await page.locator('#target').evaluate((t) => t.childNodes.length), 0);
  });

  it('accepts colours', async () => {
    for (const accent of ['#0b6e4f', 'rgb(11 110 79 / 50%)', 'hsl(160, 80%, 24%)', 'rebeccapurple', 'currentColor']) {
      assert.equal(await page.evaluate((a) => window.tryMount({ accent: a }), accent), `mounted ${accent}`);
    }
    assert.deepEqual(page.requestLog.filter((url) => !url.startsWith(app.server.url)), []);
  });
});

describe('embed.html: opaque ?origin= values and messages before ready', () => {
  it('refuses an opaque ?origin= (null, javascript:, file:, data:) with a console error, and trusts no opaque sender', async () => {
    const origins = ['null', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x'];
    const src = `${app.server.url}/embed.html?${origins.map((o) => `origin=${encodeURIComponent(o)}`).join('&')}`;
    // The sender is a sandboxed frame, whose origin is opaque ("null"), and
    // posts setText to its embed.html child again and again. The child is
    // sandboxed too (sandboxing is inherited), so it loads isnad's files
    // in CORS mode: the route below allows that.
    const sender = `<!doctype html><html><body><iframe id="embed" src="${src}"></iframe><script>
      setInterval(() => document.getElementById('embed').contentWindow.postMessage({ isnad: 1, type: 'setText', text: 'forged' }, '*'), 50);
    </script></body></html>`;
    const page = await openHost('<!doctype html><html><body><iframe id="outer" sandbox="allow-scripts" src="/e2e-sender.html"></iframe></body></html>', {
      setup: async (p) => {
        await p.route(
          (url) => url.href.startsWith(app.server.url) && !/\/e2e-[a-z]+\.html$/.test(url.pathname),
          async (route) => {
            const response = await route.fetch();
            await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
          },
        );
        await p.route(`${app.server.url}/e2e-sender.html`, (route) => route.fulfill({ contentType: 'text/html', body: sender }));
      },
    });
    try {
      const frame = await until(() => page.frames().find((f) => f.url().startsWith(`${app.server.url}/embed.html?`)), 'the embed frame exists');
      await frame.locator('#isnad-text').waitFor({ timeout: 30_000 });
      await until(() => origins.every((o) => page.consoleLog.some((line) => line.includes(`refusing ?origin=${o}`))), 'a console error for each opaque origin', 10_000);
      assert.ok(page.errorLog.some((line) => line.includes('only http: and https: origins')), page.errorLog.join('\n'));
      // Ready for a while, with forged messages arriving every 50 ms.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.notEqual(await frame.locator('#isnad-text').inputValue(), 'forged');
    } finally {
      await page.close();
    }
  });

  it('queues a message posted before ready and handles it after ready, in order', async () => {
    let release;
    const gate = new Promise((resolve) => {
      release = resolve;
    });
    let wasmRequested;
    const requested = new Promise((resolve) => {
      wasmRequested = resolve;
    });
    const text = 'The mayor said that 300 new homes would be built by 2026.';
    const page = await openHost(
      `<!doctype html><html><body><script>
        window.__messages = [];
        addEventListener('message', (event) => {
          if (event.source === document.getElementById('f').contentWindow) window.__messages.push(event.data);
        });
      </script><iframe id="f" src="/embed.html?origin=${encodeURIComponent(app.server.url)}"></iframe></body></html>`,
      {
        // Holds the frame's WebAssembly until the test lets it go: embed.js
        // is running (and listening) but isnad is not ready.
        setup: (p) =>
          p.route('**/isnad-web_bg.wasm', async (route) => {
            wasmRequested();
            await gate;
            await route.continue();
          }),
      },
    );
    try {
      await requested;
      await page.evaluate((t) => {
        const frame = document.getElementById('f').contentWindow;
        frame.postMessage({ isnad: 1, type: 'setText', text: t }, location.origin);
        frame.postMessage({ isnad: 1, type: 'getAnnotations', id: 'early', format: 'isnad' }, location.origin);
      }, text);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.deepEqual(await page.evaluate(() => window.__messages), [], 'nothing before ready');
      release();
      const messages = await until(async () => {
        const all = await page.evaluate(() => window.__messages);
        return all.some((m) => m.type === 'annotations') ? all : null;
      }, 'the reply to the early getAnnotations');
      const types = messages.map((m) => m.type).filter((t) => t !== 'resize' && t !== 'change');
      assert.deepEqual(types, ['ready', 'annotations']);
      const reply = messages.find((m) => m.type === 'annotations');
      assert.equal(reply.id, 'early');
      assert.equal(reply.annotations.schema, 'isnad/1');
      // The early setText was handled too (it renders on the next frame).
      const frame = page.frames().find((f) => f.url().includes('/embed.html?'));
      await until(async () => (await frame.locator('#isnad-text').inputValue()) === text, 'the frame shows the text sent before ready');
      assert.deepEqual(errors(page), []);
    } finally {
      release();
      await page.close();
    }
  });
});
