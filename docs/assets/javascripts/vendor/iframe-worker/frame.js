// Runs first in the iframe that shim.js makes to stand in for a web worker: what a worker has and
// a page lacks. In iframe-worker 1.0.4 this is an inline script written into the frame; as a file
// it runs under the manual's Content-Security-Policy, which allows no unhashed inline script (the
// inline one held the worker's file:// address, which differs on every reader's device).
(() => {
  "use strict";
  const worker = document.currentScript.dataset.worker;
  // Material's search worker finds its own folder from the frame's first script[src]: leave it
  // the worker's, as it is with the inline original.
  document.currentScript.remove();
  self.postMessage = (message, target) => parent.postMessage(message, target || "*");
  self.importScripts = (...urls) => urls.reduce((loaded, url) => loaded.then(() => new Promise((resolve) => {
    const script = document.createElement("script");
    script.src = url;
    script.onload = resolve;
    document.body.appendChild(script);
  })), Promise.resolve());
  addEventListener("error", ({ error }) => {
    parent.dispatchEvent(new ErrorEvent("error", { filename: worker, error }));
  });
})();
