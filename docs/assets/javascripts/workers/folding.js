// Material's search worker, comparing letters without their diacritics, so that a query typed
// on a keyboard without them ("sanatate") finds the text that has them ("sănătate"), and back.
// The page names Material's own worker, which sits beside this file, in the "material" parameter.
// Also runs inside the iframe that stands in for a worker when the manual is opened from files.
const here = self.document && document.currentScript ? document.currentScript.src : self.location.href;
// (the file:// stand-in appends "?<time>" to the address, hence the split)
const material = (new URL(here).searchParams.get("material") || "").split("?")[0];
if (!/^search\.[0-9a-f]+\.min\.js$/.test(material || "")) {
  throw new Error("folding.js: expected ?material=search.<hash>.min.js");
}

const fold = (text) => text.normalize("NFD").replace(/\p{M}/gu, "");

// Queries reach Material's worker as messages of type 2: fold them before it reads them (it
// matches prefixes without running its pipeline, so folding the index alone is not enough).
const listen = self.addEventListener.bind(self);
self.addEventListener = (type, handler, options) => listen(type, type !== "message" ? handler : (event) =>
  handler(event.data && event.data.type === 2 ? { data: { type: 2, data: fold(String(event.data.data)) } } : event),
options);

// Words are folded as they enter the index, and query words as they are looked up.
const foldIndex = () => {
  const run = lunr.Pipeline.prototype.run;
  lunr.Pipeline.prototype.run = function (tokens) {
    for (const token of tokens) token.update((text) => fold(text));
    return run.call(this, tokens);
  };
};
Promise.resolve(importScripts(new URL(material, here).href)).then(foldIndex);
