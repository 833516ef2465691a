// Starts the standalone page (index.html). A file of its own rather than
// trunk's inline loader, so the page runs under a strict Content Security
// Policy (script-src 'self' 'wasm-unsafe-eval').
import init from './isnad-web.js';

init({ module_or_path: new URL('./isnad-web_bg.wasm', import.meta.url) });
