// A host page for isnad's iframe (embed.html), speaking protocol version 1:
// every message is an object { isnad: 1, type, ... }.
//
// Security, the three rules:
//  1. tell the frame which origin to trust: embed.html?origin=<this origin>;
//  2. accept a message only if event.origin is the frame's origin AND
//     event.source is the frame's window;
//  3. post to the frame with its exact origin as targetOrigin, never "*".
const frame = document.getElementById('isnad-frame');
const input = document.getElementById('frame-input');
const format = document.getElementById('frame-format');
const status = document.getElementById('frame-status');
const count = document.getElementById('frame-count');
const output = document.getElementById('frame-output');
const log = document.getElementById('frame-log');
const buttons = {
  set: document.getElementById('frame-set'),
  get: document.getElementById('frame-get'),
  remove: document.getElementById('frame-remove'),
};

// Where isnad is served. Same origin here; on another origin, also list it
// in this page's CSP (frame-src).
const frameUrl = new URL('../embed.html', location.href);
frameUrl.searchParams.append('origin', location.origin);
const frameOrigin = frameUrl.origin;

const MAX_LOG = 100;
const MIN_HEIGHT = 240;
const MAX_HEIGHT = 5000;

let nextId = 1;
/** Replies awaited by id: id → { resolve, reject }. */
const pending = new Map();

/** Adds a line to the message log (textContent only). */
function record(type, summary, data = {}) {
  const item = document.createElement('li');
  item.dataset.type = type;
  for (const [key, value] of Object.entries(data)) item.dataset[key] = String(value);
  item.textContent = summary ? `${type}: ${summary}` : type;
  log.append(item);
  while (log.children.length > MAX_LOG) log.firstElementChild.remove();
  item.scrollIntoView({ block: 'nearest' });
}

function showStatus(state, text) {
  status.dataset.state = state;
  status.textContent = text;
}

function setHeight(height) {
  if (typeof height !== 'number' || !Number.isFinite(height)) return;
  // The height attribute, not a style: CSP style-src 'self' allows it.
  frame.height = String(Math.round(Math.min(Math.max(height, MIN_HEIGHT), MAX_HEIGHT)));
}

/** Posts { isnad: 1, ...message } to the frame, and to nobody else. */
function send(message) {
  if (!frame.isConnected || !frame.contentWindow) return false;
  frame.contentWindow.postMessage({ isnad: 1, ...message }, frameOrigin);
  return true;
}

/** Asks the frame for its annotations; resolves to the reply's object. */
function getAnnotations(wanted) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    if (!send({ type: 'getAnnotations', id, format: wanted })) {
      pending.delete(id);
      reject(new Error('the frame is gone'));
    }
  });
}

window.addEventListener('message', (event) => {
  // Rule 2: anything else (another frame, another window, another origin)
  // is ignored without a word.
  if (event.origin !== frameOrigin || event.source !== frame.contentWindow) return;
  const message = event.data;
  if (!message || typeof message !== 'object' || message.isnad !== 1 || typeof message.type !== 'string') return;

  switch (message.type) {
    case 'ready':
      record('ready', `protocol version ${message.version}, height ${message.height}`);
      setHeight(message.height);
      if (message.version !== 1) {
        showStatus('error', `unsupported protocol version ${message.version}`);
        return;
      }
      showStatus('ready', 'ready');
      for (const button of Object.values(buttons)) button.disabled = false;
      send({ type: 'setText', text: input.value });
      break;
    case 'change': {
      const file = message.annotations; // the isnad/1 object
      count.textContent = String(file.annotations.length);
      record('change', `${file.annotations.length} annotations`, { count: file.annotations.length });
      break;
    }
    case 'annotations': {
      record('annotations', `reply to ${message.id} (${message.format})`, { id: message.id, format: message.format });
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      waiting?.resolve(message.annotations);
      break;
    }
    case 'resize':
      setHeight(message.height);
      record('resize', String(message.height));
      break;
    case 'error': {
      record('error', message.message, message.id === undefined || message.id === null ? {} : { id: message.id });
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      waiting?.reject(new Error(message.message));
      break;
    }
    default:
      // A newer frame may send more types: ignore what we do not know.
      break;
  }
});

buttons.set.addEventListener('click', () => {
  send({ type: 'setText', text: input.value });
  record('setText', `${[...input.value].length} characters sent`);
});

buttons.get.addEventListener('click', async () => {
  try {
    const annotations = await getAnnotations(format.value);
    // textContent, never innerHTML: the reply holds article text.
    output.textContent = JSON.stringify(annotations, null, 2);
    if (annotations?.schema === 'isnad/1') count.textContent = String(annotations.annotations.length);
  } catch (error) {
    output.textContent = '';
    showStatus('error', error.message);
  }
});

buttons.remove.addEventListener('click', () => {
  frame.remove();
  for (const button of Object.values(buttons)) button.disabled = true;
  for (const waiting of pending.values()) waiting.reject(new Error('the frame was removed'));
  pending.clear();
  count.textContent = '–';
  output.textContent = '';
  showStatus('destroyed', 'removed');
  record('removed');
});

// The listener is in place: now load the frame.
frame.src = frameUrl.href;
