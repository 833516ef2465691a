// The iframe side of isnad's postMessage protocol, version 1 (the message
// table is in docs/embedding.md). The host page names the origins it
// trusts in this page's URL: ?origin=https://cms.example (repeatable).
// Messages from any other origin, or not from the parent window, are
// ignored; replies go to the trusted origin only, never to "*".
import { mount } from './isnad.js';

const VERSION = 1;
const params = new URLSearchParams(location.search);
const trusted = new Set();
/**
 * The origin of `value` when it is an http(s) URL; null otherwise. An
 * opaque origin (`null`, `javascript:`, `file:`, `data:`, `blob:`, ...)
 * is never trusted: it would stand for every sandboxed or local page,
 * whose messages all say event.origin === "null".
 */
function httpOrigin(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return url.origin === 'null' ? null : url.origin;
}

for (const value of params.getAll('origin')) {
  const origin = httpOrigin(value);
  if (origin) trusted.add(origin);
  else console.error(`isnad embed: refusing ?origin=${value}: only http: and https: origins can be trusted, never an opaque one ("null", javascript:, file:, data:)`);
}
if (trusted.size === 0) console.warn('isnad embed: no ?origin= given, so no page can talk to this frame');

/** Sends `message` to the parent, for each trusted origin (the browser drops it for any other). */
function send(message) {
  if (window.parent === window) return;
  for (const origin of trusted) window.parent.postMessage({ isnad: VERSION, ...message }, origin);
}

const height = () => Math.ceil(document.documentElement.scrollHeight);

// Listening starts now, before isnad has loaded: a message the host posts
// early (say, setText on the iframe's load event) waits in `early` and is
// handled, in order, once isnad is ready — it is never dropped.
let handle;
const early = [];
window.addEventListener('message', (event) => {
  if (!trusted.has(event.origin) || event.source !== window.parent) return;
  const message = event.data;
  if (!message || typeof message !== 'object' || message.isnad !== VERSION) return;
  if (handle) handleMessage(event, message);
  else early.push([event, message]);
});

/** Handles one message from the trusted parent. */
function handleMessage(event, message) {
  const reply = (answer) => event.source.postMessage({ isnad: VERSION, ...answer }, event.origin);
  try {
    switch (message.type) {
      case 'setText':
        handle.setText(message.text);
        break;
      case 'setAnnotations':
        handle.setAnnotations(message.annotations);
        break;
      case 'getAnnotations': {
        const format = message.format ?? 'isnad';
        reply({ type: 'annotations', id: message.id, format, annotations: handle.getAnnotations(format) });
        break;
      }
      default:
        reply({ type: 'error', id: message.id, message: `isnad: unknown message type ${JSON.stringify(message.type)}` });
    }
  } catch (error) {
    reply({ type: 'error', id: message.id, message: error.message });
  }
}

const mounted = await mount(document.getElementById('isnad-embed'), {
  language: params.get('lang') ?? undefined,
  uiLanguage: params.get('ui') ?? undefined,
  readOnly: params.has('readonly'),
  autosave: null,
});
await mounted.ready;
mounted.on('change', (annotations) => send({ type: 'change', annotations }));
let lastHeight = 0;
new ResizeObserver(() => {
  const now = height();
  if (now !== lastHeight) {
    lastHeight = now;
    send({ type: 'resize', height: now });
  }
}).observe(document.body);
send({ type: 'ready', version: VERSION, height: height() });
// Then the messages that came before ready, in the order they came.
handle = mounted;
for (const [event, message] of early.splice(0)) handleMessage(event, message);
