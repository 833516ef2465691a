// One isnad instance on a page with a strict Content-Security-Policy:
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// Everything isnad needs is a same-origin file; the theme is applied as
// CSS custom properties through the CSSOM, which the policy allows.
import { mount } from '../isnad.js';

const input = document.getElementById('csp-input');
const editor = document.getElementById('csp-editor');
const status = document.getElementById('csp-status');
const count = document.getElementById('csp-count');
const output = document.getElementById('csp-output');
const buttons = {
  set: document.getElementById('csp-set'),
  export: document.getElementById('csp-export'),
  destroy: document.getElementById('csp-destroy'),
};

function showStatus(state, text) {
  status.dataset.state = state;
  status.textContent = text;
}

function showCount(file) {
  count.textContent = String(file.annotations.length);
}

// The handle, for trying the API from the browser console.
window.isnadExample = { mount, handle: null };

try {
  const handle = await mount(editor, {
    text: input.value,
    language: 'auto',
    uiLanguage: 'fr',
    theme: { accent: '#1d4ed8', quote: '#fef08a', claim: '#c7d2fe', mention: '#fbcfe8' },
  });
  window.isnadExample.handle = handle;
  handle.on('change', showCount);
  await handle.ready;
  showCount(handle.getAnnotations());
  showStatus('ready', 'ready');
  for (const button of Object.values(buttons)) button.disabled = false;

  buttons.set.addEventListener('click', () => {
    try {
      handle.setText(input.value); // 'change' brings the new count
    } catch (error) {
      showStatus('error', error.message);
    }
  });
  buttons.export.addEventListener('click', () => {
    output.textContent = JSON.stringify(handle.getAnnotations('w3c'), null, 2);
  });
  buttons.destroy.addEventListener('click', () => {
    handle.destroy();
    window.isnadExample.handle = null;
    for (const button of Object.values(buttons)) button.disabled = true;
    count.textContent = '–';
    output.textContent = '';
    showStatus('destroyed', 'destroyed');
  });
} catch (error) {
  showStatus('error', error.message);
}
