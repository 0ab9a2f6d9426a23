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
