// Router and the list view (filters + map + timeline + table), all state in the URL hash
// so any view can be shared: #/?country=FR&type=armed_clash, #/event/ID, #/article/ID.

import { clearError, getJSON, showError } from "./api.js";
import { clear, fmtDate, h, label, place } from "./dom.js";
import { renderArticle } from "./article.js";
import { renderEvent } from "./event.js";
import { MapView } from "./map.js";
import { Timeline } from "./timeline.js";

const FILTERS = ["q", "country", "admin1", "type", "mode", "actor", "date_from", "date_to", "min_sources", "bbox", "sort", "figure_rule"];
const CROSS = ["date_from", "date_to", "bbox"]; // applied client-side to map/timeline
const PAGE = 25;

const views = { list: "view-list", event: "view-event", article: "view-article" };
let map, timeline, allPoints = [], pointsKey = null, lastMapBbox = null, countryNames = {};
let listSeq = 0;

export function parseHash() {
  const raw = location.hash.replace(/^#/, "") || "/";
  const i = raw.indexOf("?");
  const path = i < 0 ? raw : raw.slice(0, i);
  return { path, params: new URLSearchParams(i < 0 ? "" : raw.slice(i + 1)) };
}

export function go(path, params, { replace = false } = {}) {
  const clean = new URLSearchParams();
  for (const [k, v] of params || []) if (v !== "" && v != null) clean.set(k, v);
  const qs = clean.toString();
  const hash = `#${path}${qs ? `?${qs}` : ""}`;
  if (location.hash === hash) { route(); return; }
  if (replace) { history.replaceState(null, "", hash); route(); } else location.hash = hash;
}

function show(name) {
  for (const [k, id] of Object.entries(views)) document.getElementById(id).hidden = k !== name;
}

function counts(x) {
  // stats() groups may be {key: n} or [{key|type|country|...: k, count: n}]
  if (!x) return [];
  if (Array.isArray(x)) {
    return x.map((r) => (Array.isArray(r) ? r : [r.key ?? r.type ?? r.country_code ?? r.country ?? r.day ?? r.value, r.count ?? r.n ?? r.events]));
  }
  return Object.entries(x);
}

async function initList() {
  const form = document.getElementById("filters");
  map = new MapView(document.getElementById("map"), {
    onView: (bbox) => {
      lastMapBbox = bbox ? bbox.join(",") : "";
      const { params } = parseHash();
      if ((params.get("bbox") || "") === lastMapBbox) return;
      if (bbox) params.set("bbox", lastMapBbox); else params.delete("bbox");
      params.delete("offset");
      go("/", params);
    },
    onPick: (id) => go(`/event/${encodeURIComponent(id)}`, keepRule()),
  });
  timeline = new Timeline(document.getElementById("timeline"), {
    onBrush: (range) => {
      const { params } = parseHash();
      if (range) { params.set("date_from", range[0]); params.set("date_to", range[1]); }
      else { params.delete("date_from"); params.delete("date_to"); }
      params.delete("offset");
      go("/", params);
    },
  });
  document.getElementById("zoom-in").addEventListener("click", () => map.zoomAt(map.w / 2, map.h / 2, 2));
  document.getElementById("zoom-out").addEventListener("click", () => map.zoomAt(map.w / 2, map.h / 2, 0.5));
  document.getElementById("zoom-reset").addEventListener("click", () => { map.fitBbox(null); map._emit(0); });
  form.addEventListener("change", () => go("/", formParams(form)));
  form.addEventListener("submit", (e) => { e.preventDefault(); go("/", formParams(form)); });
  form.addEventListener("reset", (e) => { e.preventDefault(); go("/", new URLSearchParams()); });

  const [stats, basemap] = await Promise.all([
    getJSON("/api/stats").catch((e) => { showError(e); return {}; }),
    getJSON("/basemap/countries.geojson").catch(() => ({ features: [] })),
  ]);
  for (const f of basemap.features || []) if (f.properties.iso_a2) countryNames[f.properties.iso_a2] = f.properties.name;
  map.setBasemap(basemap);
  const typeSel = form.elements.type, ccSel = form.elements.country;
  for (const [t, n] of counts(stats.by_type).sort()) typeSel.appendChild(h("option", { value: t }, `${label(t)} (${n})`));
  const ccs = counts(stats.by_country).filter(([c]) => c).sort((a, b) => (countryNames[a[0]] || a[0]).localeCompare(countryNames[b[0]] || b[0]));
  for (const [c, n] of ccs) ccSel.appendChild(h("option", { value: c }, `${countryNames[c] || c} (${n})`));
}

function formParams(form) {
  const p = new URLSearchParams();
  for (const k of FILTERS) {
    const v = form.elements[k] && form.elements[k].value;
    if (v && !(k === "sort" && v === "-last_seen") && !(k === "figure_rule" && v === "conservative")) p.set(k, v);
  }
  return p;
}

function keepRule() {
  const { params } = parseHash();
  const p = new URLSearchParams();
  if (params.get("figure_rule")) p.set("figure_rule", params.get("figure_rule"));
  return p;
}

function ensureOption(sel, value) {
  if (value && ![...sel.options].some((o) => o.value === value)) sel.appendChild(h("option", { value }, value));
}

async function renderList(params) {
  show("list");
  const form = document.getElementById("filters");
  ensureOption(form.elements.country, params.get("country"));
  ensureOption(form.elements.type, params.get("type"));
  for (const k of FILTERS) if (form.elements[k]) form.elements[k].value = params.get(k) || (k === "sort" ? "-last_seen" : k === "figure_rule" ? "conservative" : "");

  const base = {};
  for (const k of FILTERS) if (!CROSS.includes(k) && k !== "sort" && k !== "figure_rule" && params.get(k)) base[k] = params.get(k);
  const key = JSON.stringify(base);
  if (key !== pointsKey) {
    try {
      const res = await getJSON("/api/events/points", base);
      allPoints = res.points; pointsKey = key;
    } catch (e) { showError(e); allPoints = []; }
  }
  const from = params.get("date_from"), to = params.get("date_to");
  const bbox = params.get("bbox") ? params.get("bbox").split(",").map(Number) : null;
  const inDates = (p) => (!from || (p[3] && p[3] >= from)) && (!to || (p[3] && p[3] <= to));
  const inBox = (p) => !bbox || (p[1] !== null && p[1] >= bbox[0] && p[1] <= bbox[2] && p[2] >= bbox[1] && p[2] <= bbox[3]);
  map.setCountry(params.get("country"));
  if ((params.get("bbox") || "") !== (lastMapBbox ?? "")) { lastMapBbox = params.get("bbox") || ""; map.fitBbox(bbox); }
  map.setPoints(allPoints.filter(inDates));
  timeline.setPoints(allPoints.filter(inBox));
  timeline.setRange(from, to);
  await renderTable(params);
}

async function renderTable(params) {
  const seq = ++listSeq;
  const q = {};
  for (const k of FILTERS) if (params.get(k)) q[k] = params.get(k);
  const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  let res;
  try {
    res = await getJSON("/api/events", { ...q, limit: PAGE, offset });
    clearError();
  } catch (e) { showError(e); return; }
  if (seq !== listSeq) return; // a newer query has been issued meanwhile
  const tbody = clear(document.querySelector("#events tbody"));
  for (const ev of res.items) {
    const link = h("a", { href: `#/event/${encodeURIComponent(ev.id)}${params.get("figure_rule") ? `?figure_rule=${params.get("figure_rule")}` : ""}`, class: "event-link" }, label(ev.type) + (ev.subtype ? ` · ${label(ev.subtype)}` : ""));
    const actors = (ev.actors || []).slice(0, 4).map((a) => `${a.canonical || a.name}${a.role ? ` (${a.role})` : ""}`).join("; ");
    const killed = ev.figures && ev.figures.killed ? ev.figures.killed.value : "";
    tbody.appendChild(h("tr", { dataset: { id: ev.id } },
      h("td", { class: "day" }, fmtDate(ev.date)), h("td", {}, link), h("td", {}, h("span", { class: `mode mode-${ev.mode}` }, ev.mode || "")),
      h("td", {}, place(ev.location ? { ...ev.location, country_code: countryNames[ev.location.country_code] || ev.location.country_code } : null)), h("td", { class: "actors" }, actors), h("td", { class: "num" }, killed),
      h("td", { class: "num" }, ev.sources ?? ""), h("td", { class: "day" }, fmtDate(ev.last_seen))));
  }
  const shown = res.items.length;
  document.getElementById("count").textContent = res.total
    ? `${res.total} event${res.total === 1 ? "" : "s"} · showing ${offset + 1}–${offset + shown}`
    : "No events match these filters.";
  const pager = clear(document.getElementById("pager"));
  const page = (o) => { const p = new URLSearchParams(params); if (o) p.set("offset", o); else p.delete("offset"); go("/", p); };
  if (offset > 0) pager.appendChild(h("button", { type: "button", onclick: () => page(Math.max(0, offset - PAGE)) }, "← previous"));
  if (offset + shown < res.total) pager.appendChild(h("button", { type: "button", onclick: () => page(offset + PAGE) }, "next →"));
}

let listReady = null;
export async function route() {
  const { path, params } = parseHash();
  window.scrollTo(0, 0);
  const m = path.match(/^\/(event|article)\/(.+)$/);
  try {
    if (m && m[1] === "event") { show("event"); await renderEvent(document.getElementById("view-event"), decodeURIComponent(m[2]), params, go); }
    else if (m && m[1] === "article") { show("article"); await renderArticle(document.getElementById("view-article"), decodeURIComponent(m[2]), params); }
    else {
      show("list");
      listReady = listReady || initList();
      await listReady;
      await renderList(params);
    }
    document.body.dataset.ready = path;
  } catch (e) { showError(e); }
}

window.addEventListener("hashchange", route);
route();
