// Issue 17: the catalog body's rich-text editor, as progressive enhancement. Without this script (or without Trix, when
// the build had no npm) the body is the plain <textarea name="Form.Body"> and the form posts it as it is. With them, the
// textarea gives way to a Trix editor bound to a hidden input of the same name; the server sanitizes the HTML either way
// (CatalogBodyHtml). No inline script or style: the page's Content-Security-Policy is script-src 'self'; style-src 'self'.
(function () {
  "use strict";
  function enhance(textarea) {
    var name = textarea.getAttribute("name");
    var id = textarea.id + "-html";
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.id = id;
    input.value = textarea.value;
    var editor = document.createElement("trix-editor");
    editor.setAttribute("input", id);
    editor.className = "rich-body";
    var label = textarea.id && document.querySelector('label[for="' + textarea.id + '"]');
    if (label) {
      if (!label.id) label.id = textarea.id + "-label";
      editor.setAttribute("aria-labelledby", label.id);
    }
    var described = textarea.getAttribute("aria-describedby");
    if (described) editor.setAttribute("aria-describedby", described);
    textarea.parentNode.insertBefore(input, textarea);
    textarea.parentNode.insertBefore(editor, textarea);
    textarea.parentNode.removeChild(textarea);
    var hint = textarea.getAttribute("data-rich-hint");
    var hintElement = described && document.getElementById(described);
    if (hint && hintElement) hintElement.textContent = hint;
  }
  // Files belong in the attachments section, not inside the body.
  document.addEventListener("trix-file-accept", function (event) { event.preventDefault(); });
  function start() {
    var fields = document.querySelectorAll("textarea[data-rich-editor]");
    for (var i = 0; i < fields.length; i++) enhance(fields[i]);
  }
  // Trix defines <trix-editor> once it has started; until then (or without Trix) the text box stays.
  if (window.Trix && window.customElements) customElements.whenDefined("trix-editor").then(start);
})();
