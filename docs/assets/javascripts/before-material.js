// Material fetches a ResizeObserver polyfill from a CDN on browsers that lack one. A small local
// stand-in, loaded first, keeps every request on the manual's own host (older phones included).
if (typeof window.ResizeObserver === "undefined") {
  window.ResizeObserver = class {
    constructor(callback) {
      this.callback = callback;
      this.targets = new Set();
      this.notify = () => this.callback([...this.targets].map((target) => ({
        target, contentRect: target.getBoundingClientRect()
      })), this);
    }
    observe(target) {
      if (!this.targets.size) window.addEventListener("resize", this.notify);
      this.targets.add(target);
      setTimeout(this.notify, 0);
    }
    unobserve(target) {
      this.targets.delete(target);
      if (!this.targets.size) window.removeEventListener("resize", this.notify);
    }
    disconnect() {
      this.targets.clear();
      window.removeEventListener("resize", this.notify);
    }
  };
}

// Material fetches the whole search index as soon as any page opens (about 100 kB compressed for
// this manual, more than the page itself). Hold that request until the reader starts a search:
// the search box gets focus (click, tap or keyboard shortcut) or the search page is opened.
(() => {
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  const waiting = [];
  let engaged = new URLSearchParams(location.search).has("q");
  const engage = () => {
    if (!engaged) {
      engaged = true;
      waiting.splice(0).forEach((release) => release());
    }
  };
  document.addEventListener("focusin", (event) => {
    if (event.target.matches && event.target.matches("input.md-search__input")) engage();
  });
  document.addEventListener("change", (event) => {
    if (event.target.id === "__search" && event.target.checked) engage();
  });
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.manualAddress = String(url);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (!engaged && /\/search\/search_index\.json$/.test(this.manualAddress || "")) {
      waiting.push(() => send.apply(this, args));
      return undefined;
    }
    return send.apply(this, args);
  };
})();
