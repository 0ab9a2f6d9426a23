// Material's search worker, comparing letters without their diacritics, so that a query typed
// on a keyboard without them ("sanatate") finds the text that has them ("sănătate"), and back.
// The page names Material's own worker, which sits beside this file, in the "material" parameter.
const material = new URL(self.location.href).searchParams.get("material");
if (!/^search\.[0-9a-f]+\.min\.js$/.test(material || "")) {
  throw new Error("folding.js: expected ?material=search.<hash>.min.js");
}
importScripts(material);

const fold = (text) => text.normalize("NFD").replace(/\p{M}/gu, "");
const run = lunr.Pipeline.prototype.run;
lunr.Pipeline.prototype.run = function (tokens) {
  for (const token of tokens) token.update((text) => fold(text));
  return run.call(this, tokens);
};
