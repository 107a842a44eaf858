/* kgraph viewer: every piece of DOM is built with createElement + textContent, never parsed from data. */
(function () {
  "use strict";
  const DATA = JSON.parse(document.getElementById("kgraph-data").textContent);
  const T = DATA.ui;
  const MAX_ITEMS = 200;

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function byId(id) { return document.getElementById(id); }

  document.querySelectorAll("[data-ui]").forEach(function (e) { e.textContent = T[e.dataset.ui] || ""; });
  byId("search").placeholder = T.search;

  const nodeById = new Map(DATA.nodes.map(function (n) { return [n.id, n]; }));
  const edgeById = new Map(DATA.edges.map(function (e) { return [e.id, e]; }));
  const incident = new Map();
  DATA.edges.forEach(function (e) {
    [e.from, e.to].forEach(function (k) {
      if (!incident.has(k)) incident.set(k, []);
      incident.get(k).push(e);
    });
  });
  const nodeEvents = new Map();
  DATA.edges.forEach(function (e) {
    if (e.kind !== "event") return;
    [e.from, e.to].forEach(function (k) {
      if (!nodeEvents.has(k)) nodeEvents.set(k, new Set());
      e.ev.forEach(function (i) { nodeEvents.get(k).add(i); });
    });
  });

  const nodes = new vis.DataSet(DATA.nodes);
  const edges = new vis.DataSet(DATA.edges);
  const network = new vis.Network(byId("graph"), { nodes: nodes, edges: edges }, DATA.options);
  network.once("afterDrawing", function () {
    window.kgraphReadyAt = performance.now();
    window.kgraphReady = true;
    document.body.dataset.ready = "1";
  });

  /* ---- legend */
  function legend() {
    const types = byId("legend-types");
    Object.keys(DATA.types).forEach(function (t) {
      const li = el("li");
      const sw = el("span", null, "swatch " + DATA.types[t].shape);
      sw.style.background = DATA.types[t].color;
      sw.style.setProperty("--c", DATA.types[t].color);
      li.appendChild(sw);
      li.appendChild(el("span", T[t] || t));
      types.appendChild(li);
    });
    const quads = byId("legend-quads");
    ["1", "2", "3", "4"].forEach(function (q) {
      const li = el("li");
      const line = el("span", null, "line");
      line.style.borderColor = DATA.quads[q];
      li.appendChild(line);
      li.appendChild(el("span", T["q" + q]));
      quads.appendChild(li);
    });
    if (DATA.comentions) {
      const li = el("li");
      li.appendChild(el("span", null, "line dashed"));
      li.appendChild(el("span", T.comention));
      quads.appendChild(li);
    }
  }

  /* ---- filters */
  const state = { types: new Set(Object.keys(DATA.types)), root: "", from: "", to: "", article: "" };
  const hiddenNode = new Map(), hiddenEdge = new Map();

  function eventPasses(i) {
    const ev = DATA.events[i];
    if (state.root && ev.c.slice(0, 2) !== state.root) return false;
    if (state.from && (!ev.d || ev.d < state.from)) return false;
    if (state.to && (!ev.d || ev.d > state.to)) return false;
    return !(state.article !== "" && String(ev.a) !== state.article);
  }
  function articlePasses(a) {
    const art = DATA.articles[a];
    if (state.article !== "" && String(a) !== state.article) return false;
    if (state.from && (!art.d || art.d < state.from)) return false;
    return !(state.to && (!art.d || art.d > state.to));
  }
  function edgePasses(e) {
    if (e.kind === "co") return !state.root && e.arts.some(articlePasses);
    return e.ev.some(eventPasses);
  }
  function typeOk(id) { const n = nodeById.get(id); return !!n && state.types.has(n.kind); }

  function applyFilters() {
    const eventFilter = !!(state.root || state.from || state.to);
    const pass = new Map();
    DATA.edges.forEach(function (e) { pass.set(e.id, typeOk(e.from) && typeOk(e.to) && edgePasses(e)); });
    const anyPass = function (id) { return (incident.get(id) || []).some(function (e) { return pass.get(e.id); }); };
    const nodeUpdates = [], edgeUpdates = [];
    DATA.nodes.forEach(function (n) {
      let show = typeOk(n.id);
      if (show && state.article !== "") show = n.arts.indexOf(Number(state.article)) >= 0 || anyPass(n.id);
      if (show && eventFilter) show = anyPass(n.id);
      if (hiddenNode.get(n.id) !== !show) { hiddenNode.set(n.id, !show); nodeUpdates.push({ id: n.id, hidden: !show }); }
    });
    DATA.edges.forEach(function (e) {
      const show = pass.get(e.id) && !hiddenNode.get(e.from) && !hiddenNode.get(e.to);
      if (hiddenEdge.get(e.id) !== !show) { hiddenEdge.set(e.id, !show); edgeUpdates.push({ id: e.id, hidden: !show }); }
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    status();
  }
  function visibleCounts() {
    let n = 0, m = 0;
    DATA.nodes.forEach(function (x) { if (!hiddenNode.get(x.id)) n++; });
    DATA.edges.forEach(function (x) { if (!hiddenEdge.get(x.id)) m++; });
    return { nodes: n, edges: m };
  }
  function status() {
    const c = visibleCounts();
    byId("status").textContent = c.nodes + " " + T.nodes + ", " + c.edges + " " + T.edges + " " + T.shown;
  }

  function option(value, text) { const o = el("option", text); o.value = value; return o; }
  function filters() {
    const box = byId("f-types");
    const present = new Set(DATA.nodes.map(function (n) { return n.kind; }));
    Object.keys(DATA.types).filter(function (t) { return present.has(t); }).forEach(function (t) {
      const label = el("label");
      const cb = el("input");
      cb.type = "checkbox"; cb.checked = true; cb.value = t; cb.dataset.type = t;
      cb.addEventListener("change", function () {
        if (cb.checked) state.types.add(t); else state.types.delete(t);
        applyFilters();
      });
      label.appendChild(cb);
      label.appendChild(document.createTextNode(" " + (T[t] || t)));
      box.appendChild(label);
    });
    const root = byId("f-root");
    root.appendChild(option("", T.all));
    DATA.roots.forEach(function (r) { root.appendChild(option(r[0], r[0] + " · " + r[1])); });
    const art = byId("f-article");
    art.appendChild(option("", T.all));
    DATA.articles.forEach(function (a, i) { art.appendChild(option(String(i), (a.d || "?") + " · " + a.h)); });
    const dates = DATA.events.map(function (e) { return e.d; }).concat(DATA.articles.map(function (a) { return a.d; }))
      .filter(Boolean).sort();
    if (dates.length) {
      ["f-from", "f-to"].forEach(function (id) { byId(id).min = dates[0]; byId(id).max = dates[dates.length - 1]; });
    }
    root.addEventListener("change", function () { state.root = root.value; applyFilters(); });
    art.addEventListener("change", function () { state.article = art.value; applyFilters(); });
    byId("f-from").addEventListener("change", function (e) { state.from = e.target.value; applyFilters(); });
    byId("f-to").addEventListener("change", function (e) { state.to = e.target.value; applyFilters(); });
    byId("f-reset").addEventListener("click", function () {
      state.types = new Set(Object.keys(DATA.types));
      state.root = state.from = state.to = state.article = "";
      box.querySelectorAll("input").forEach(function (cb) { cb.checked = true; });
      root.value = art.value = byId("f-from").value = byId("f-to").value = "";
      applyFilters();
    });
  }

  /* ---- side panel */
  function highlighted(sentence, span) {
    const q = el("blockquote", null, "ev-sentence");
    if (span && span[0] >= 0 && span[1] <= sentence.length) {
      q.appendChild(document.createTextNode(sentence.slice(0, span[0])));
      q.appendChild(el("mark", sentence.slice(span[0], span[1])));
      q.appendChild(document.createTextNode(sentence.slice(span[1])));
    } else {
      q.textContent = sentence;
    }
    return q;
  }
  function eventItem(i) {
    const ev = DATA.events[i];
    const art = ev.a !== null && ev.a !== undefined ? DATA.articles[ev.a] : null;
    const li = el("li", null, "evidence");
    const head = el("div", null, "ev-head");
    head.appendChild(el("strong", art ? art.h : ""));
    head.appendChild(el("span", " · " + (ev.d || (art && art.d) || "?"), "ev-date"));
    li.appendChild(head);
    li.appendChild(el("div", ev.who + " → " + ev.whom + " · " + ev.c + " " + ev.t, "ev-what"));
    li.appendChild(highlighted(DATA.sentences[ev.s] || "", ev.h));
    return li;
  }
  function articleItem(a) {
    const art = DATA.articles[a];
    const li = el("li", null, "evidence");
    li.appendChild(el("strong", art.h));
    li.appendChild(el("span", " · " + (art.d || "?"), "ev-date"));
    return li;
  }
  function openPanel(title, sub, heading, items, render) {
    const body = byId("panel-body");
    body.replaceChildren();
    body.appendChild(el("h3", title));
    body.appendChild(el("div", sub, "sub"));
    body.appendChild(el("h4", heading));
    const list = el("ol");
    items.slice(0, MAX_ITEMS).forEach(function (x) { list.appendChild(render(x)); });
    body.appendChild(list);
    if (!items.length) body.appendChild(el("p", T.noEvidence));
    if (items.length > MAX_ITEMS) body.appendChild(el("p", "… +" + (items.length - MAX_ITEMS)));
    byId("panel").hidden = false;
  }
  function byDate(a, b) {
    const x = DATA.events[a].d || "", y = DATA.events[b].d || "";
    return x < y ? -1 : x > y ? 1 : a - b;
  }
  function showNode(id) {
    const n = nodeById.get(id);
    if (!n) return;
    const evs = Array.from(nodeEvents.get(id) || []).filter(eventPasses).sort(byDate);
    const sub = (T[n.kind] || n.kind) + " · " + T.pageRank + " " + n.pr + " · " + T.degree + " " + n.deg;
    if (evs.length) openPanel(n.label, sub, T.evidence, evs, eventItem);
    else openPanel(n.label, sub, T.mentionedIn, n.arts.filter(articlePasses), articleItem);
  }
  function showEdge(id) {
    const e = edgeById.get(id);
    if (!e) return;
    const title = nodeById.get(e.from).label + (e.kind === "co" ? " — " : " → ") + nodeById.get(e.to).label;
    if (e.kind === "co") openPanel(title, T.comention, T.mentionedIn, e.arts.filter(articlePasses), articleItem);
    else openPanel(title, e.label + " · " + e.n + " " + T.events, T.evidence, e.ev.filter(eventPasses).sort(byDate), eventItem);
  }
  function closePanel() { byId("panel").hidden = true; }
  byId("panel-close").addEventListener("click", closePanel);
  network.on("click", function (p) {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
    else closePanel();
  });

  /* ---- search */
  function search() {
    const q = byId("search").value.trim().toLowerCase();
    const out = byId("search-result");
    if (!q) { out.textContent = ""; network.unselectAll(); return; }
    const matches = function (n) {
      return [n.label].concat(n.names || []).some(function (l) { return l.toLowerCase().indexOf(q) >= 0; });
    };
    const hits = DATA.nodes.filter(function (n) { return !hiddenNode.get(n.id) && matches(n); });
    hits.sort(function (a, b) { return (b.label.toLowerCase() === q) - (a.label.toLowerCase() === q) || b.pr - a.pr; });
    out.textContent = hits.length ? hits.length + " · " + hits[0].label : T.noMatch;
    if (!hits.length) return;
    network.selectNodes(hits.slice(0, 50).map(function (n) { return n.id; }));
    network.focus(hits[0].id, { scale: 1.2, animation: false });
    showNode(hits[0].id);
  }
  byId("search").addEventListener("change", search);
  byId("search").addEventListener("keydown", function (e) { if (e.key === "Enter") search(); });
  const labels = byId("search-labels");
  DATA.nodes.slice(0, 5000).forEach(function (n) { const o = el("option"); o.value = n.label; labels.appendChild(o); });

  legend();
  filters();
  applyFilters();
  window.kgraph = {
    network: network, nodes: nodes, edges: edges, data: DATA, state: state,
    applyFilters: applyFilters, visibleCounts: visibleCounts, showNode: showNode, showEdge: showEdge
  };
})();
