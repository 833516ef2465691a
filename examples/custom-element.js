// <isnad-annotator>: a custom element defined by importing isnad.js.
//
// The listeners are attached BEFORE isnad.js is loaded (a dynamic import,
// below), so not even the first isnad-ready can be missed. The `text`
// property is set once the element is ready: set on a not-yet-upgraded
// element, a property would hide the element's own setter.
const annotator = document.getElementById('annotator');
const input = document.getElementById('ce-input');
const status = document.getElementById('ce-status');
const count = document.getElementById('ce-count');
const output = document.getElementById('ce-output');
const log = document.getElementById('ce-log');
const buttons = {
  set: document.getElementById('ce-set'),
  export: document.getElementById('ce-export'),
  remove: document.getElementById('ce-remove'),
};

const MAX_LOG = 100;

/** Adds a line to the event log (textContent only: it may hold article text). */
function record(event, summary, data = {}) {
  const item = document.createElement('li');
  item.dataset.event = event;
  for (const [key, value] of Object.entries(data)) item.dataset[key] = String(value);
  item.textContent = summary ? `${event}: ${summary}` : event;
  log.append(item);
  while (log.children.length > MAX_LOG) log.firstElementChild.remove();
  item.scrollIntoView({ block: 'nearest' });
}

function showStatus(state, text) {
  status.dataset.state = state;
  status.textContent = text;
}

let markReady;
const ready = new Promise((resolve) => {
  markReady = resolve;
});
annotator.addEventListener('isnad-ready', () => {
  record('isnad-ready');
  markReady();
});

// isnad-change and isnad-select bubble and are composed, so a listener on
// any ancestor (here the container) hears them too.
const container = document.getElementById('ce-container');
container.addEventListener('isnad-change', (event) => {
  const file = event.detail; // the isnad/1 object
  count.textContent = String(file.annotations.length);
  record('isnad-change', `${file.annotations.length} annotations`, { count: file.annotations.length });
});
container.addEventListener('isnad-select', (event) => {
  const detail = event.detail; // { id, kind, text } or null
  if (detail) {
    record('isnad-select', `${detail.kind} ${detail.id}: ${detail.text}`, { id: detail.id, kind: detail.kind });
  } else {
    record('isnad-select', 'nothing selected');
  }
});

buttons.set.addEventListener('click', () => {
  try {
    annotator.text = input.value; // isnad-change brings the new count
    record('set text', `${[...input.value].length} characters`);
  } catch (error) {
    record('error', error.message);
  }
});

buttons.export.addEventListener('click', () => {
  output.textContent = JSON.stringify(annotator.getAnnotations('w3c'), null, 2);
  record('export', 'W3C AnnotationCollection');
});

buttons.remove.addEventListener('click', () => {
  // Removing the element is all it takes to tear it down.
  annotator.remove();
  for (const button of Object.values(buttons)) button.disabled = true;
  count.textContent = '–';
  output.textContent = '';
  showStatus('destroyed', 'removed');
  record('removed');
});

try {
  await import('../isnad.js');
  await customElements.whenDefined('isnad-annotator');
  await ready;
  count.textContent = String(annotator.getAnnotations().annotations.length);
  annotator.text = input.value;
  showStatus('ready', 'ready');
  for (const button of Object.values(buttons)) button.disabled = false;
} catch (error) {
  showStatus('error', error.message);
  record('error', error.message);
}
