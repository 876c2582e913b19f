/* Search page: Pagefind's UI over the index built with the site. The only script of the site. */

// The index holds its text as HTML text (&lt;, &amp;: chronique/site/search.py); Pagefind's UI
// shows a title as text, so it gets the characters back. An inert document: nothing runs.
function asText(result) {
  if (result.meta && result.meta.title) {
    const parsed = new DOMParser().parseFromString(result.meta.title, "text/html");
    result.meta.title = parsed.documentElement.textContent;
  }
  return result;
}

window.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("recherche");
  if (!root || typeof PagefindUI === "undefined") return;
  const ui = new PagefindUI({
    element: "#recherche",
    baseUrl: new URL(root.dataset.base || "/", window.location.href).pathname,
    showImages: false,
    showSubResults: false,
    resetStyles: false,
    translations: { placeholder: root.dataset.placeholder },
    processResult: asText,
  });
  // A visible label for the field Pagefind draws (it only gives it a placeholder).
  const input = root.querySelector("input[type='text'], input[type='search']");
  if (input) {
    input.id = "recherche-champ";
    const label = document.createElement("label");
    label.htmlFor = input.id;
    label.className = "search-label";
    label.textContent = root.dataset.label;
    root.prepend(label);
  }
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});
