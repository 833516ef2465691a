// isnad's embedding API: an ES module a CMS imports from the release build.
//
//   import { mount } from './isnad.js';
//   const handle = await mount(element, { text, language: 'ar' });
//   handle.on('change', (file) => save(file));
//
// Each instance renders inside a shadow root on a <div class="isnad-host">
// it appends to `element` (so the page's styles and isnad's do not leak
// into each other); destroy() removes that div and leaves `element` as it
// was. Importing this module also defines <isnad-annotator>. Nothing here
// makes a network request except loading isnad's own files once.
// docs/embedding.md documents all of it.
import init, { mountIn, checkTheme } from './isnad-web.js';

const STYLESHEET = new URL('./app.css', import.meta.url).href;
const EVENTS = ['ready', 'change', 'select'];

let started;
/** Loads the WebAssembly module once for every instance on the page. */
function start() {
  started ??= init({ module_or_path: new URL('./isnad-web_bg.wasm', import.meta.url) });
  return started;
}

function fail(message) {
  return new Error(`isnad: ${message}`);
}

/** The options as JSON for the Rust side, which checks every value. */
function optionsJson(options) {
  if (options === undefined || options === null) return '{}';
  if (typeof options !== 'object' || Array.isArray(options)) throw fail('options must be an object');
  try {
    return JSON.stringify(options);
  } catch (error) {
    throw fail(`options cannot be read: ${error.message}`);
  }
}

/**
 * Sets the theme colours as --isnad-* custom properties (CSSOM, which a
 * strict CSP allows). Only after the Rust side has checked them: colours
 * only, nothing that can load a file (url(), image-set(), var(), ...).
 */
function applyTheme(element, theme) {
  if (theme === undefined || theme === null) return;
  let json;
  try {
    json = JSON.stringify(theme);
  } catch (error) {
    throw fail(`options.theme cannot be read: ${error.message}`);
  }
  checkTheme(json);
  // The checked copy, not the caller's object (which could change).
  for (const [name, value] of Object.entries(JSON.parse(json))) {
    element.style.setProperty(`--isnad-${name}`, value);
  }
}

/** The handle mount() returns. */
class Handle {
  #instance;
  #listeners = new Map(EVENTS.map((e) => [e, new Set()]));
  #ready = false;
  #container;
  #onDestroy;

  constructor(container, onDestroy) {
    this.#container = container;
    this.#onDestroy = onDestroy;
    /** Resolves once the first render is done. */
    this.ready = new Promise((resolve) => {
      this.#listeners.get('ready').add(resolve);
    });
  }

  /** Called by the Rust side as emit(type, json). */
  emit(type, json) {
    const detail = JSON.parse(json);
    if (type === 'ready') {
      if (this.#ready) return;
      this.#ready = true;
    }
    for (const callback of [...(this.#listeners.get(type) ?? [])]) {
      // Asynchronous, so a listener registered right after mount() still hears 'ready'.
      queueMicrotask(() => callback(detail));
    }
  }

  attach(instance) {
    this.#instance = instance;
  }

  #live() {
    if (!this.#instance) throw fail('this instance was destroyed');
    return this.#instance;
  }

  /** The annotations: 'isnad' (isnad/1, the default) or 'w3c' (an AnnotationCollection). */
  getAnnotations(format = 'isnad') {
    if (typeof format !== 'string') throw fail('getAnnotations(format): format must be "isnad" or "w3c"');
    return JSON.parse(this.#live().getAnnotations(format));
  }

  /** Replaces the text and analyses it. */
  setText(text) {
    if (typeof text !== 'string') throw fail('setText(text): text must be a string');
    this.#live().setText(text);
  }

  /** Replaces the annotations (isnad/1 or W3C, object or JSON string); returns { placed, orphans }. */
  setAnnotations(annotations) {
    let json;
    if (typeof annotations === 'string') json = JSON.stringify(annotations);
    else if (annotations && typeof annotations === 'object') json = JSON.stringify(annotations);
    else throw fail('setAnnotations(annotations): an isnad/1 or W3C object, array or JSON string is needed');
    return JSON.parse(this.#live().setAnnotations(json));
  }

  /** Analyses the current text again; the editor's work is kept. */
  analyze() {
    this.#live().analyze();
  }

  /** Listens to 'ready', 'change' (isnad/1 object) or 'select' ({ id, kind, text } or null). */
  on(event, callback) {
    const set = this.#listeners.get(event);
    if (!set) throw fail(`on(event): unknown event "${event}" (known: ${EVENTS.join(', ')})`);
    if (typeof callback !== 'function') throw fail('on(event, callback): callback must be a function');
    set.add(callback);
    if (event === 'ready' && this.#ready) queueMicrotask(() => callback({}));
    return this;
  }

  /** Stops listening. */
  off(event, callback) {
    this.#listeners.get(event)?.delete(callback);
    return this;
  }

  /** Unmounts isnad and removes everything it added to the page. */
  destroy() {
    if (!this.#instance) return;
    const instance = this.#instance;
    this.#instance = undefined;
    instance.destroy();
    instance.free();
    for (const set of this.#listeners.values()) set.clear();
    this.#onDestroy?.();
    this.#container = undefined;
  }
}

/** Renders into `shadowRoot` (which isnad owns) and returns the handle. */
async function mountInShadow(shadowRoot, options, onDestroy) {
  const json = optionsJson(options);
  await start();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = STYLESHEET;
  const root = document.createElement('div');
  shadowRoot.append(link, root);
  const handle = new Handle(root, () => {
    link.remove();
    root.remove();
    onDestroy?.();
  });
  try {
    handle.attach(mountIn(root, json, (type, detail) => handle.emit(type, detail)));
  } catch (error) {
    link.remove();
    root.remove();
    throw error instanceof Error ? error : fail(String(error));
  }
  return handle;
}

/**
 * Mounts isnad into `element`. Options: text, annotations (isnad/1 or W3C),
 * language ('auto' | 'ar' | 'en' | 'fr'), uiLanguage ('en' | 'ar' | 'fr'),
 * readOnly, detect (['quotes', 'claims', 'noise']), autosave (a storage key,
 * or null for none), theme ({ accent, quote, claim, mention, background, text }).
 */
export async function mount(element, options = {}) {
  if (!(element instanceof Element)) throw fail('mount(element, options): element must be a DOM element');
  optionsJson(options);
  await start();
  const host = document.createElement('div');
  host.className = 'isnad-host';
  // Throws (so mount() rejects) before the host is in the page.
  applyTheme(host, options?.theme);
  const shadow = host.attachShadow({ mode: 'open' });
  element.append(host);
  try {
    return await mountInShadow(shadow, options, () => host.remove());
  } catch (error) {
    host.remove();
    throw error;
  }
}

/** <isnad-annotator lang="ar" ui-lang="en" readonly autosave="key">: isnad as an element. */
class IsnadAnnotator extends HTMLElement {
  static observedAttributes = ['lang', 'ui-lang', 'readonly', 'autosave'];
  #handle;
  #pending = {};
  #late;
  #mounting;

  connectedCallback() {
    if (this.#mounting) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const options = { ...this.#pending };
    if (this.hasAttribute('lang')) options.language = this.getAttribute('lang');
    if (this.hasAttribute('ui-lang')) options.uiLanguage = this.getAttribute('ui-lang');
    if (this.hasAttribute('readonly')) options.readOnly = true;
    if (this.hasAttribute('autosave')) options.autosave = this.getAttribute('autosave');
    this.#mounting = mountInShadow(shadow, options, () => {})
      .then((handle) => {
        this.#handle = handle;
        // Text or annotations set while the element was starting.
        const late = this.#late;
        this.#late = undefined;
        if (late?.annotations !== undefined) handle.setAnnotations(late.annotations);
        else if (late?.text !== undefined) handle.setText(late.text);
        const forward = (type) => (detail) => this.dispatchEvent(new CustomEvent(`isnad-${type}`, { detail, bubbles: true, composed: true }));
        for (const type of EVENTS) handle.on(type, forward(type));
        return handle;
      })
      .catch((error) => {
        this.dispatchEvent(new CustomEvent('isnad-error', { detail: { message: error.message }, bubbles: true, composed: true }));
        throw error;
      });
  }

  disconnectedCallback() {
    const mounting = this.#mounting;
    this.#mounting = undefined;
    mounting?.then((handle) => handle.destroy(), () => {});
    this.#handle = undefined;
  }

  attributeChangedCallback(name, old, value) {
    // A changed attribute remounts with the current text and annotations.
    if (!this.#handle || old === value) return;
    const file = this.#handle.getAnnotations('isnad');
    this.#pending = { text: file.document.text, annotations: file };
    this.disconnectedCallback();
    this.connectedCallback();
  }

  /** Resolves with the handle once mounted (the same methods as mount()'s). */
  get ready() {
    return this.#mounting ?? Promise.reject(fail('<isnad-annotator> is not in the document'));
  }

  get text() {
    if (this.#handle) return this.#handle.getAnnotations('isnad').document.text;
    return this.#late?.text ?? this.#pending.text ?? '';
  }

  set text(text) {
    if (typeof text !== 'string') throw fail('text must be a string');
    if (this.#handle) this.#handle.setText(text);
    else if (this.#mounting) this.#late = { ...this.#late, text };
    else this.#pending = { ...this.#pending, text };
  }

  set annotations(annotations) {
    if (this.#handle) this.#handle.setAnnotations(annotations);
    else if (this.#mounting) this.#late = { ...this.#late, annotations };
    else this.#pending = { ...this.#pending, annotations };
  }

  getAnnotations(format = 'isnad') {
    if (!this.#handle) throw fail('<isnad-annotator> is not ready yet (await element.ready)');
    return this.#handle.getAnnotations(format);
  }
}

if (!customElements.get('isnad-annotator')) customElements.define('isnad-annotator', IsnadAnnotator);
