// Starts the standalone page (index.html). A file of its own rather than
// trunk's inline loader, so the page runs under a strict Content Security
// Policy (script-src 'self' 'wasm-unsafe-eval').
//
// Loading the module renders nothing: the stand-alone app is started here,
// explicitly, in <div id="isnad-app" data-isnad-standalone>. isnad.js (the
// embedding API) loads the same module and never calls startStandalone.
import init, { startStandalone } from './isnad-web.js';

await init({ module_or_path: new URL('./isnad-web_bg.wasm', import.meta.url) });
startStandalone();
