/* kgraph viewer: every piece of DOM is built with createElement + textContent, never parsed from data.
   Until the first draw the page does only what the drawing needs: it parses the graph block, hands
   the records to vis-network and fills the legend. The evidence block, the lookup tables and the
   search suggestions are built on first use. */
(function () {
  "use strict";
  function byId(id) { return document.getElementById(id); }
  const DATA = JSON.parse(byId("kgraph-data").textContent);
  const T = DATA.ui;
  const MAX_ITEMS = 200;
  const rootNames = new Map(DATA.roots);
  function rootName(code) { return rootNames.get(code) || code; }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function once(build) {
    let value = null;
    return function () { if (value === null) value = build(); return value; };
  }

  document.querySelectorAll("[data-ui]").forEach(function (e) { e.textContent = T[e.dataset.ui] || ""; });
  byId("search").placeholder = T.search;

  /* ---- vis items: only what vis-network draws, the rest stays in DATA (fields it does not know still
     cost it time: 0.2 s at 10,000 nodes); tooltips and, on small graphs, edge labels added here */
  const NODE_STYLE = ["label", "x", "y", "size", "color", "shape"];
  const EDGE_STYLE = ["color", "width", "dashes", "arrows"];
  function visItem(record, style) {
    const item = { id: record.id };
    style.forEach(function (k) { if (record[k] !== undefined) item[k] = record[k]; });
    return item;
  }
  const nodes = new vis.DataSet(DATA.nodes.map(function (n) {
    const item = visItem(n, NODE_STYLE);
    item.title = n.label + " · " + (T[n.kind] || n.kind);
    return item;
  }));
  const edges = new vis.DataSet(DATA.edges.map(function (e) {
    e.from = DATA.nodes[e.from].id;  // the page names edge ends by node index
    e.to = DATA.nodes[e.to].id;
    const item = visItem(e, EDGE_STYLE);
    item.from = e.from;
    item.to = e.to;
    if (e.kind === "event") {
      item.title = rootName(e.root) + " ×" + e.n;
      if (!DATA.big) item.label = rootName(e.root);
    }
    return item;
  }));
  const nodeById = new Map(DATA.nodes.map(function (n) { return [n.id, n]; }));
  const edgeById = new Map(DATA.edges.map(function (e) { return [e.id, e]; }));

  /* big graphs: arrowheads only once the zoom makes them a few pixels long; at the fitted zoom of
     thousands of nodes they are under a pixel and yet take most of each frame (one fill apiece) */
  const ARROW_SCALE = 0.25;
  let arrows = true;
  if (DATA.big) DATA.options.edges.arrows.to.enabled = arrows = false;  // event edges follow the option
  const network = new vis.Network(byId("graph"), { nodes: nodes, edges: edges }, DATA.options);
  network.once("afterDrawing", function () {
    window.kgraphReadyAt = performance.now();
    window.kgraphReady = true;
    document.body.dataset.ready = "1";
  });

  /* ---- built on first use */
  const evidence = once(function () { return JSON.parse(byId("kgraph-evidence").textContent); });
  const incident = once(function () {
    const out = new Map();
    DATA.edges.forEach(function (e) {
      [e.from, e.to].forEach(function (k) {
        if (!out.has(k)) out.set(k, []);
        out.get(k).push(e);
      });
    });
    return out;
  });
  const nodeEvents = once(function () {
    const out = new Map();
    DATA.edges.forEach(function (e) {
      if (e.kind !== "event") return;
      [e.from, e.to].forEach(function (k) {
        if (!out.has(k)) out.set(k, new Set());
        e.ev.forEach(function (i) { out.get(k).add(i); });
      });
    });
    return out;
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
  const hiddenNode = new Map(), hiddenEdge = new Map();  // absent = shown

  function eventPasses(i) {
    const ev = evidence().events[i];
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
    const anyPass = function (id) { return (incident().get(id) || []).some(function (e) { return pass.get(e.id); }); };
    const nodeUpdates = [], edgeUpdates = [];
    DATA.nodes.forEach(function (n) {
      let show = typeOk(n.id);
      if (show && state.article !== "") show = n.arts.indexOf(Number(state.article)) >= 0 || anyPass(n.id);
      if (show && eventFilter) show = anyPass(n.id);
      if (!!hiddenNode.get(n.id) !== !show) { hiddenNode.set(n.id, !show); nodeUpdates.push({ id: n.id, hidden: !show }); }
    });
    DATA.edges.forEach(function (e) {
      const show = pass.get(e.id) && !hiddenNode.get(e.from) && !hiddenNode.get(e.to);
      if (!!hiddenEdge.get(e.id) !== !show) { hiddenEdge.set(e.id, !show); edgeUpdates.push({ id: e.id, hidden: !show }); }
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
    if (DATA.dates) {
      ["f-from", "f-to"].forEach(function (id) { byId(id).min = DATA.dates[0]; byId(id).max = DATA.dates[1]; });
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
    const ev = evidence().events[i];
    const art = ev.a !== null && ev.a !== undefined ? DATA.articles[ev.a] : null;
    const li = el("li", null, "evidence");
    const head = el("div", null, "ev-head");
    head.appendChild(el("strong", art ? art.h : ""));
    head.appendChild(el("span", " · " + (ev.d || (art && art.d) || "?"), "ev-date"));
    li.appendChild(head);
    li.appendChild(el("div", ev.who + " → " + ev.whom + " · " + ev.c + " " + (DATA.cameo[ev.c] || ""), "ev-what"));
    li.appendChild(highlighted(evidence().sentences[ev.s] || "", ev.h));
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
    const events = evidence().events;
    const x = events[a].d || "", y = events[b].d || "";
    return x < y ? -1 : x > y ? 1 : a - b;
  }
  function showNode(id) {
    const n = nodeById.get(id);
    if (!n) return;
    const evs = Array.from(nodeEvents().get(id) || []).filter(eventPasses).sort(byDate);
    const sub = (T[n.kind] || n.kind) + " · " + T.pageRank + " " + n.pr + " · " + T.degree + " " + n.deg;
    if (evs.length) openPanel(n.label, sub, T.evidence, evs, eventItem);
    else openPanel(n.label, sub, T.mentionedIn, n.arts.filter(articlePasses), articleItem);
  }
  function showEdge(id) {
    const e = edgeById.get(id);
    if (!e) return;
    const title = nodeById.get(e.from).label + (e.kind === "co" ? " — " : " → ") + nodeById.get(e.to).label;
    if (e.kind === "co") openPanel(title, T.comention, T.mentionedIn, e.arts.filter(articlePasses), articleItem);
    else openPanel(title, rootName(e.root) + " · " + e.n + " " + T.events, T.evidence,
      e.ev.filter(eventPasses).sort(byDate), eventItem);
  }
  function closePanel() { byId("panel").hidden = true; }
  byId("panel-close").addEventListener("click", closePanel);
  network.on("click", function (p) {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
    else closePanel();
  });

  /* ---- big graphs draw no edge labels (each costs a canvas save/rotate/restore per frame); the CAMEO
     root of the selected nodes' edges is written over the drawing instead, near the selected node */
  const LABEL_REACH = 120;  // px from the selected node, at most half-way along the edge
  function labelSelectedEdges(ctx) {
    const selected = network.getSelectedNodes();
    if (!selected.length) return;
    const scale = network.getScale();
    ctx.save();
    ctx.font = (11 / scale) + "px system-ui, sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.lineWidth = 3 / scale;
    ctx.strokeStyle = "#ffffff";
    ctx.fillStyle = "#333333";
    selected.forEach(function (id) {
      const here = network.getPosition(id);
      (incident().get(id) || []).forEach(function (e) {
        if (e.kind !== "event" || hiddenEdge.get(e.id)) return;
        const there = network.getPosition(e.from === id ? e.to : e.from);
        const length = Math.hypot(there.x - here.x, there.y - here.y) || 1;
        const t = Math.min(0.5, LABEL_REACH / scale / length);
        const text = rootName(e.root);
        const x = here.x + t * (there.x - here.x), y = here.y + t * (there.y - here.y);
        ctx.strokeText(text, x, y);
        ctx.fillText(text, x, y);
      });
    });
    ctx.restore();
  }
  function arrowsForScale() {
    const wanted = network.getScale() >= ARROW_SCALE;
    if (wanted === arrows) return;
    arrows = wanted;
    network.setOptions({ edges: { arrows: { to: { enabled: wanted } } } });
  }
  if (DATA.big) {
    network.on("afterDrawing", function (ctx) {
      labelSelectedEdges(ctx);
      if ((network.getScale() >= ARROW_SCALE) !== arrows) setTimeout(arrowsForScale, 0);  // zoom, focus, fit
    });
  }

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
  function suggestions() {
    byId("search").removeEventListener("focus", suggestions);
    const list = document.createDocumentFragment();
    DATA.nodes.slice(0, 5000).forEach(function (n) { const o = el("option"); o.value = n.label; list.appendChild(o); });
    byId("search-labels").appendChild(list);
  }
  byId("search").addEventListener("focus", suggestions);
  byId("search").addEventListener("change", search);
  byId("search").addEventListener("keydown", function (e) { if (e.key === "Enter") search(); });

  legend();
  filters();
  status();
  window.kgraph = {
    network: network, nodes: nodes, edges: edges, data: DATA, evidence: evidence, state: state,
    applyFilters: applyFilters, visibleCounts: visibleCounts, showNode: showNode, showEdge: showEdge,
    arrows: function () { return arrows; }
  };
})();
