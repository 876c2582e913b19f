/* Search page: Pagefind's JavaScript API over the index built with the site. The only script
   of the site. The form works as a plain GET form (?q=…&rubrique=…&annee=…&tri=…), so a
   search can be linked to and the header's search field lands here. */

const form = document.getElementById("recherche");
const field = document.getElementById("recherche-champ");
const sortMenu = document.getElementById("recherche-tri");
const status = document.getElementById("recherche-etat");
const list = document.getElementById("recherche-resultats");
const PAGE_SIZE = 20;
const SORTS = { recent: { date: "desc" }, ancien: { date: "asc" } };

let pagefind;
let shown = [];
let search = 0;

// The index holds its text as HTML text (&lt;, &amp;: chronique/site/search.py). A title, a
// section or a date becomes text again through an inert document: nothing in it runs.
function asText(html) {
  return new DOMParser().parseFromString(html || "", "text/html").documentElement.textContent;
}

function checkedValues(fieldset) {
  return [...fieldset.querySelectorAll("input:checked")].map((box) => box.value);
}

function fieldsets() {
  return [...form.querySelectorAll("fieldset[data-filter]")];
}

function chosenFilters() {
  const filters = {};
  for (const fieldset of fieldsets()) {
    const values = checkedValues(fieldset);
    if (values.length) filters[fieldset.dataset.filter] = { any: values };
  }
  return filters;
}

function countText(count) {
  if (count === 0) return form.dataset.none;
  if (count === 1) return form.dataset.one;
  return form.dataset.many.replace("{count}", count.toLocaleString("fr-FR"));
}

function drawFilters(available, params) {
  for (const fieldset of fieldsets()) {
    const values = Object.keys(available[fieldset.dataset.filter] || {});
    const wanted = new Set(params.getAll(fieldset.dataset.param));
    values.sort((a, b) => (fieldset.dataset.filter === "year" ? b.localeCompare(a) : a.localeCompare(b, "fr")));
    for (const [index, value] of values.entries()) {
      const id = `${fieldset.dataset.param}-${index}`;
      const box = Object.assign(document.createElement("input"), {
        type: "checkbox", id, name: fieldset.dataset.param, value, checked: wanted.has(value),
      });
      const label = Object.assign(document.createElement("label"), { htmlFor: id });
      label.append(box, " ", value, " ", Object.assign(document.createElement("span"), { className: "filter-count" }));
      fieldset.append(label);
    }
  }
}

function drawCounts(counts) {
  for (const fieldset of fieldsets()) {
    const byValue = counts[fieldset.dataset.filter] || {};
    for (const box of fieldset.querySelectorAll("input")) {
      box.parentElement.querySelector(".filter-count").textContent = `(${byValue[box.value] ?? 0})`;
    }
  }
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h2");
  heading.className = "search-result-title";
  const link = Object.assign(document.createElement("a"), { href: data.url });
  link.textContent = asText(data.meta.title);
  heading.append(link);
  const meta = document.createElement("p");
  meta.className = "search-result-meta";
  const parts = [data.meta.section, data.meta.date].filter(Boolean).map(asText);
  meta.textContent = parts.join(" · ");
  const excerpt = document.createElement("p");
  excerpt.className = "search-result-excerpt";
  excerpt.innerHTML = data.excerpt; // Pagefind's <mark> tags around escaped text.
  item.append(heading, meta, excerpt);
  return item;
}

async function showMore() {
  const next = shown.splice(0, PAGE_SIZE);
  const mine = search;
  const items = await Promise.all(next.map((result) => result.data()));
  if (mine !== search) return;
  list.append(...items.map(resultItem));
  document.querySelector(".search-more")?.remove();
  if (shown.length) {
    const more = Object.assign(document.createElement("button"), {
      type: "button", className: "search-more", textContent: form.dataset.more,
    });
    more.addEventListener("click", () => { const first = list.children.length; showMore().then(() => list.children[first]?.querySelector("a")?.focus()); });
    list.after(more);
  }
}

function syncAddress() {
  const params = new URLSearchParams(new FormData(form));
  for (const [key, value] of [...params]) if (!value) params.delete(key);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
}

async function run() {
  const mine = ++search;
  const term = field.value.trim();
  const filters = chosenFilters();
  syncAddress();
  list.replaceChildren();
  document.querySelector(".search-more")?.remove();
  if (!term && !Object.keys(filters).length) {
    status.textContent = "";
    drawCounts(await pagefind.filters());
    return;
  }
  const options = { filters };
  if (SORTS[sortMenu.value]) options.sort = SORTS[sortMenu.value];
  const response = await pagefind.search(term || null, options);
  if (mine !== search) return;
  drawCounts(response.filters);
  status.textContent = countText(response.results.length);
  shown = [...response.results];
  await showMore();
}

async function start() {
  try {
    pagefind = await import(form.dataset.bundle + "pagefind.js");
    await pagefind.options({ baseUrl: new URL(form.dataset.base, window.location.href).pathname });
    await pagefind.init();
  } catch (error) {
    status.textContent = form.dataset.error;
    return;
  }
  const params = new URLSearchParams(window.location.search);
  field.value = params.get("q") || "";
  sortMenu.value = SORTS[params.get("tri")] ? params.get("tri") : "";
  drawFilters(await pagefind.filters(), params);
  form.querySelector(".search-options").hidden = false;
  let typing;
  field.addEventListener("input", () => { clearTimeout(typing); typing = setTimeout(run, 250); });
  form.addEventListener("change", (event) => { if (event.target !== field) run(); });
  form.addEventListener("submit", (event) => { event.preventDefault(); clearTimeout(typing); run(); });
  await run();
}

start();
