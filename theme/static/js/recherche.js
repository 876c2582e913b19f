/* Search page: Pagefind's UI over the index built with the site. The only script of the site. */
window.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("recherche");
  if (!root || typeof PagefindUI === "undefined") return;
  const ui = new PagefindUI({
    element: "#recherche",
    showImages: false,
    showSubResults: false,
    resetStyles: false,
    translations: { placeholder: root.dataset.placeholder },
  });
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});
