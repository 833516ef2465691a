// Two independent isnad instances on one page. Each gets its own mount(),
// its own handle, its own listeners; nothing is shared between them.
import { mount } from '../isnad.js';

const INSTANCES = {
  // Arabic article, Arabic interface, colours from the `theme` option.
  first: {
    language: 'ar',
    uiLanguage: 'ar',
    theme: { accent: '#0b6e4f', quote: '#fde68a', claim: '#bfdbfe', mention: '#fecdd3' },
  },
  // English article, English interface, no page-noise detection; colours
  // from examples.css (#second-editor sets --isnad-* custom properties).
  second: {
    language: 'en',
    uiLanguage: 'en',
    detect: ['quotes', 'claims'],
  },
};

// The handles, for trying the API from the browser console:
//   isnadExample.handles.first.getAnnotations()
window.isnadExample = { mount, handles: {} };

for (const [name, options] of Object.entries(INSTANCES)) {
  setUp(name, options);
}

async function setUp(name, options) {
  const $ = (suffix) => document.getElementById(`${name}-${suffix}`);
  const input = $('input');
  const editor = $('editor');
  const status = $('status');
  const count = $('count');
  const selected = $('selected');
  const output = $('output');
  const buttons = { set: $('set'), export: $('export'), destroy: $('destroy') };

  const showStatus = (state, text) => {
    status.dataset.state = state;
    status.textContent = text;
  };
  const showCount = (file) => {
    count.textContent = String(file.annotations.length);
  };

  let handle;
  try {
    handle = await mount(editor, { ...options, text: input.value });
  } catch (error) {
    // mount() rejects with an Error saying what is wrong with the input.
    showStatus('error', error.message);
    return;
  }
  window.isnadExample.handles[name] = handle;

  // 'change' carries the isnad/1 object with the new annotations. It also
  // follows setText() once the new text is analysed, so the count stays
  // right without polling.
  handle.on('change', showCount);
  // 'select' carries { id, kind, text }, or null when nothing is selected.
  handle.on('select', (detail) => {
    selected.textContent = detail ? `${detail.kind} ${detail.id}: ${detail.text}` : 'none';
  });

  await handle.ready;
  showCount(handle.getAnnotations());
  showStatus('ready', 'ready');
  for (const button of Object.values(buttons)) button.disabled = false;

  buttons.set.addEventListener('click', () => {
    try {
      handle.setText(input.value);
      showStatus('ready', 'ready');
    } catch (error) {
      showStatus('error', error.message);
    }
  });

  buttons.export.addEventListener('click', () => {
    // textContent, never innerHTML: the export holds article text.
    output.textContent = JSON.stringify(handle.getAnnotations('w3c'), null, 2);
  });

  buttons.destroy.addEventListener('click', () => {
    handle.destroy();
    delete window.isnadExample.handles[name];
    for (const button of Object.values(buttons)) button.disabled = true;
    count.textContent = '–';
    selected.textContent = 'none';
    output.textContent = '';
    showStatus('destroyed', 'destroyed');
  });
}
