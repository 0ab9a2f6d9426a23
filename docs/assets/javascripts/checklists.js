// The Print button of checklist and form pages. It stays hidden without JavaScript, and nothing
// ticked or typed is ever stored: no cookies, no local storage.
document.querySelectorAll("[data-manual-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
