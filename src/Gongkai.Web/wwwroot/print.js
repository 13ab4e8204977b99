// The 打印 button of an item page: shown only when scripts run (without them the browser's own print command does the
// same, with the same print stylesheet in site.css).
document.querySelectorAll("button[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
