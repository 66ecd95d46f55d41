/* Page logic shared by the timeline and network views.
   Data comes from the JSON block #kg-data; all text goes into the DOM via textContent. */
(function () {
  "use strict";
  var DETAIL_KEYS = ["kind", "label", "type", "date", "end", "precision", "time_text", "factuality",
    "direct", "quote", "sentence", "mention"];
  var ARTICLE_KEYS = ["article_title", "publisher", "url", "published"];
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var container = document.getElementById("kg-canvas");
  var panel = document.getElementById("kg-panel");
  var TIMELINE = !!DATA.layouts;
  expand(DATA);
  var nodes = new vis.DataSet(DATA.nodes);
  /* A crowded timeline hides its links: they join vis only for the selected item. */
  var edges = new vis.DataSet(DATA.quietEdges ? [] : DATA.edges);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, DATA.options);
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var FONT = DATA.font;

  function layout() { return DATA.layouts[DATA.layout]; }

  /* The page data is compact (see kg/views/page.py): nodes, links, positions and ranges
     refer to DATA.ids by number, nodes and edges to shared style tables, items and sources
     to DATA.articles. Turn it into vis-network's nodes and edges, and into details by id
     (each with its links and its article's title, publisher, url and date). */
  function expand(D) {
    expandDetails(D);
    D.nodes = D.nodes.map(function (r, i) {
      var node = Object.assign({}, D.styles[r.s], r);
      delete node.s;
      node.id = D.ids[i];
      return node;
    });
    D.edges = D.edges.map(function (e, k) {
      return Object.assign({ id: k, from: D.ids[e[0]], to: D.ids[e[1]] }, D.edgeStyles[e[2]]);
    });
    if (TIMELINE) expandLayouts(D);
  }

  /* D.details by id, with empty values back, links and sources spelled out. */
  function expandDetails(D) {
    var ids = D.ids, drawn = D.details.length, details = {};
    function about(i) { return (i < drawn ? D.details[i] : D.others[i - drawn]) || {}; }
    function article(a) { return D.articles[a] || {}; }
    D.details.forEach(function (d, i) {
      DETAIL_KEYS.forEach(function (k) { if (d[k] === undefined) d[k] = ""; });
      if (d.mention_start === undefined) d.mention_start = -1;
      if (d.mention_end === undefined) d.mention_end = -1;
      var art = article(d.article);
      d.article = art.iri || "";
      ARTICLE_KEYS.forEach(function (k) { d[k] = art[k] || ""; });
      d.links = d.links.map(function (l) {
        var other = about(l[0]);
        return { id: ids[l[0]], role: l[1], dir: l[2] ? "out" : "in",
                 label: other.label || ids[l[0]], kind: other.kind || "" };
      });
      d.sources = (d.sources || []).map(function (s) {
        var a = article(s[0]);
        return { article: a.iri || "", publisher: a.publisher || "", published: a.published || "",
                 factuality: s[1], date: s[2] };
      });
      details[ids[i]] = d;
    });
    D.details = details;
  }

  /* Positions by id in each layout; the nodes start where the first layout puts them. */
  function expandLayouts(D) {
    Object.keys(D.layouts).forEach(function (by) {
      var pos = {};
      D.layouts[by].pos.forEach(function (p, i) { if (p) pos[D.ids[i]] = p; });
      D.layouts[by].pos = pos;
    });
    D.nodes.forEach(function (node) {
      var p = D.layouts[D.layout].pos[node.id];
      node.x = p[0]; node.y = p[1];
    });
    D.ranges = D.ranges.map(function (r) {
      return { id: D.ids[r[0]], x0: r[1], x1: r[2], open: r[3], color: r[4] };
    });
  }

  window.kgNetwork = network;
  window.kgData = DATA;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /* ---------- header: counts, hint, legend ---------- */
  document.getElementById("kg-counts").textContent = DATA.counts;
  document.getElementById("kg-hint").textContent = DATA.hint;
  (function legend() {
    var box = document.getElementById("kg-legend");
    DATA.legend.forEach(function (section) {
      var sec = el("div", "kg-legend-section");
      sec.appendChild(el("span", "kg-legend-title", section.title + ":"));
      section.items.forEach(function (item) {
        var it = el(item.key ? "button" : "span", "kg-legend-item");
        if (item.key) {  /* a type: click to hide or show its items */
          it.type = "button";
          it.dataset.key = item.key;
          it.setAttribute("aria-pressed", "true");
          it.title = "Hide or show " + item.label;
        }
        var sw = el("span", "kg-sw " + item.shape + (item.line ? " line-" + item.line : ""));
        if (item.shape === "triangle") sw.style.color = item.color;
        else sw.style.backgroundColor = item.color;
        it.appendChild(sw);
        it.appendChild(el("span", null, item.label));
        sec.appendChild(it);
      });
      box.appendChild(sec);
    });
  })();

  /* ---------- side panel ---------- */
  function emptyPanel() {
    panel.replaceChildren(el("p", "kg-empty", "Click an item to see its date, actors, factuality and source sentence."));
  }

  function codePoints(s) { return Array.from(s || ""); }

  function highlighted(sentence, mention, start, end) {
    var p = el("p", "kg-sentence");
    var chars = codePoints(sentence);
    var ok = start >= 0 && end > start && end <= chars.length;
    if (ok && mention && chars.slice(start, end).join("") !== mention) ok = false;
    if (!ok && mention) {
      var at = sentence.indexOf(mention);
      if (at >= 0) {
        start = codePoints(sentence.slice(0, at)).length;
        end = start + codePoints(mention).length;
        ok = true;
      }
    }
    if (!ok) { p.textContent = sentence; return p; }
    p.appendChild(document.createTextNode(chars.slice(0, start).join("")));
    p.appendChild(el("mark", null, chars.slice(start, end).join("")));
    p.appendChild(document.createTextNode(chars.slice(end).join("")));
    return p;
  }

  function row(dl, name, value) {
    if (value === undefined || value === null || value === "") return;
    dl.appendChild(el("dt", null, name));
    var dd = el("dd");
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
    dl.appendChild(dd);
  }

  function whenText(d) {
    if (!d.date) return d.end ? "on or before " + d.end : "undated";
    var t = d.date;
    if (d.end && d.end !== d.date) t += " \u2013 " + d.end;
    if (d.precision && d.precision !== "day") t += " (" + d.precision + ")";
    return t;
  }

  /* A long list shows its first LIST_FIRST entries and a button for the rest. */
  var LIST_FIRST = 100;
  function list(values, item, noun) {
    var ul = el("ul");
    values.slice(0, LIST_FIRST).forEach(function (v) { ul.appendChild(item(v)); });
    if (values.length > LIST_FIRST) {
      var li = el("li", "kg-more");
      var b = el("button", "kg-link", "show all " + values.length + " " + noun);
      b.type = "button";
      b.addEventListener("click", function () {
        li.remove();
        values.slice(LIST_FIRST).forEach(function (v) { ul.appendChild(item(v)); });
      });
      li.appendChild(el("span", null, "\u2026 " + (values.length - LIST_FIRST) + " more: "));
      li.appendChild(b);
      ul.appendChild(li);
    }
    return ul;
  }

  function linkItem(link) {
    var li = el("li");
    li.appendChild(el("span", "kg-role", (link.role || "link").replace(/_/g, " ") + (link.dir === "in" ? " of" : "")));
    if (nodes.get(link.id)) {
      var b = el("button", "kg-link", link.label);
      b.type = "button";
      b.addEventListener("click", function () { select(link.id, true); });
      li.appendChild(b);
    } else {
      li.appendChild(el("span", null, link.label));
    }
    if (link.kind) li.appendChild(el("span", "kg-linkkind", " (" + link.kind + ")"));
    return li;
  }

  function sourceItem(src) {
    var li = el("li");
    li.appendChild(el("span", "kg-role", src.publisher || "source"));
    li.appendChild(el("span", null, [src.published, src.factuality, src.date ? "date " + src.date : ""]
      .filter(Boolean).join(" \u00b7 ")));
    return li;
  }

  /* "12 sources in 9 articles: 8 asserted, 4 reported" */
  function sourceSummary(sources) {
    var articles = {}, facts = {};
    sources.forEach(function (s) {
      articles[s.article] = true;
      var f = s.factuality || "unknown";
      facts[f] = (facts[f] || 0) + 1;
    });
    var n = Object.keys(articles).length;
    var byFact = Object.keys(facts).sort(function (a, b) { return facts[b] - facts[a] || (a < b ? -1 : 1); })
      .map(function (f) { return facts[f] + " " + f; });
    return sources.length + " sources in " + n + " article" + (n === 1 ? "" : "s") + ": " + byFact.join(", ");
  }

  function showDetails(id) {
    var d = DATA.details[id];
    if (!d) { emptyPanel(); return false; }
    var parts = [];
    parts.push(el("h2", null, d.label || id));
    var chips = el("div", "kg-chips");
    chips.appendChild(el("span", "kg-chip kind", d.kind || "item"));
    if (d.type) chips.appendChild(el("span", "kg-chip", d.type.replace(/_/g, " ")));
    if (d.factuality) {
      var fc = d.factuality === "negated" ? " negated" :
        (d.factuality === "possible" || d.factuality === "unconfirmed") ? " weak" : "";
      chips.appendChild(el("span", "kg-chip" + fc, d.factuality));
    }
    parts.push(chips);

    var dl = el("dl");
    if (d.kind === "event" || d.kind === "statement" || d.date) {
      row(dl, "Date", whenText(d));
      row(dl, "As written", d.time_text ? "\u201c" + d.time_text + "\u201d" : "");
    }
    row(dl, "Factuality", d.factuality);
    if (d.kind === "statement") row(dl, "Speech", d.direct === "true" ? "direct quote" : d.direct === "false" ? "indirect (reported speech)" : "");
    parts.push(dl);

    if (d.quote) {
      parts.push(el("h3", null, "Quote"));
      parts.push(el("blockquote", "kg-quote", d.quote));
    }
    if (d.links && d.links.length) {
      parts.push(el("h3", null, "Connected"));
      parts.push(list(d.links, linkItem, "links"));
    }
    if (d.sentence) {
      parts.push(el("h3", null, "Source sentence"));
      parts.push(highlighted(d.sentence, d.mention, d.mention_start, d.mention_end));
    }
    if (d.sources && d.sources.length > 1) {
      parts.push(el("h3", null, "Sources"));
      parts.push(el("p", "kg-linkkind kg-summary", sourceSummary(d.sources)));
      parts.push(list(d.sources, sourceItem, "sources"));
    }
    if (d.article_title || d.publisher || d.url) {
      parts.push(el("h3", null, "Article"));
      var art = el("div", "kg-article");
      if (d.article_title) art.appendChild(el("div", null, d.article_title));
      var byline = [d.publisher, d.published ? "published " + d.published : ""].filter(Boolean).join(", ");
      if (byline) art.appendChild(el("div", "kg-linkkind", byline));
      if (d.url) {
        var line = el("div");
        if (/^https?:\/\//i.test(d.url)) {
          var a = el("a", null, d.url);
          a.href = d.url;  /* set at click time only; never auto-loaded */
          a.target = "_blank";
          a.rel = "noopener noreferrer";
          line.appendChild(a);
        } else {
          line.textContent = d.url;
        }
        art.appendChild(line);
      }
      parts.push(art);
    }
    parts.push(el("div", "kg-iri", id));
    panel.replaceChildren.apply(panel, parts);
    panel.scrollTop = 0;
    return true;
  }

  function select(id, focus) {
    if (typeof id !== "string" || !nodes.get(id)) return false;  /* nodes.get(null) is every node */
    network.selectNodes([id]);
    revealEdges(id);
    if (focus) network.focus(id, { scale: Math.max(network.getScale(), 0.9), animation: { duration: 400 } });
    return showDetails(id);
  }

  /* In a crowded timeline links are hidden, and shown for the selected item only. */
  var edgesOf = {};
  if (DATA.quietEdges) DATA.edges.forEach(function (e) {
    (edgesOf[e.from] = edgesOf[e.from] || []).push(e);
    if (e.to !== e.from) (edgesOf[e.to] = edgesOf[e.to] || []).push(e);
  });
  function revealEdges(id) {
    if (!DATA.quietEdges) return;
    edges.clear();
    if (!id || !edgesOf[id]) return;
    edges.add(edgesOf[id]);
    network.selectNodes([id]);  /* again, so that its new edges are drawn as selected */
  }
  network.on("selectNode", function (params) { revealEdges(params.nodes[0]); });
  network.on("deselectNode", function () { revealEdges(null); });

  network.on("click", function (params) {
    if (params.nodes.length) showDetails(params.nodes[0]);
    else if (aggregated && zoomInto(params.pointer.canvas)) return;
    else if (!params.edges.length) emptyPanel();
  });
  window.kgShow = function (id) { return select(id, false); };
  emptyPanel();

  /* ---------- filters: type (legend), actor, factuality, date range, search ---------- */
  var ids = Object.keys(DATA.details);
  function isItem(id) { var k = DATA.details[id].kind; return k === "event" || k === "statement"; }
  var items = ids.filter(isItem), entities = ids.filter(function (id) { return !isItem(id); });
  var haystack = {};
  items.forEach(function (id) {
    var d = DATA.details[id];
    var parts = [d.label, d.type, d.sentence, d.quote, d.time_text, d.article_title, d.publisher];
    d.links.forEach(function (l) { parts.push(l.label); });
    haystack[id] = parts.join("\n").toLocaleLowerCase();
  });
  var filter = { actor: "", types: {}, facts: {}, from: "", to: "", undated: true, q: "" };
  var $ = function (id) { return document.getElementById(id); };

  function active() {
    return !!(filter.actor || filter.q || filter.from || filter.to || !filter.undated ||
      Object.keys(filter.types).length || Object.keys(filter.facts).length);
  }

  /* Does an event or statement pass every filter? Dates compare as ISO strings; an item
     with a range passes when the range meets [from, to]; undated items have their own box. */
  function passes(id) {
    var d = DATA.details[id];
    if (filter.types[d.kind + ":" + d.type] || filter.facts[d.factuality || "unknown"]) return false;
    var lo = d.date, hi = d.end || d.date;
    if (!lo && !hi) {
      if (!filter.undated) return false;
    } else if ((filter.from && hi < filter.from) || (filter.to && lo && lo > filter.to)) {
      return false;
    }
    if (filter.actor && !d.links.some(function (l) { return l.id === filter.actor; })) return false;
    return !filter.q || haystack[id].indexOf(filter.q) >= 0;
  }

  var visible = {};        /* what passes the filters, by id */
  var hidden = {};         /* what is hidden now, by id */
  var aggregated = false;  /* zoomed out on a crowded timeline: counts instead of items */
  function applyFilters() {
    var shown = {}, n = 0, on = active();
    items.forEach(function (id) { if (passes(id)) { shown[id] = true; n += 1; } });
    entities.forEach(function (id) {
      var d = DATA.details[id];
      if (filter.types[d.kind + ":" + d.type]) return;
      if (TIMELINE && !layout().pos[id]) return;  /* actors are lane names in "by actor" */
      if (!on || id === filter.actor || d.links.some(function (l) { return shown[l.id]; })) shown[id] = true;
    });
    visible = shown;
    /* only the nodes that change: vis measures the label of every node it is given */
    var changed = [];
    ids.forEach(function (id) {
      var hide = !shown[id] || (aggregated && isItem(id));
      if (hide !== !!hidden[id]) { hidden[id] = hide; changed.push({ id: id, hidden: hide }); }
    });
    if (changed.length) nodes.update(changed);
    $("kg-counts").textContent = on ? n + " of " + items.length + " events and statements shown" : DATA.counts;
    document.body.dataset.shown = String(n);
    if (document.body.dataset.ready) network.redraw();
  }

  (function filterControls() {
    var actorBox = $("kg-f-actor");
    var actors = entities.filter(function (id) { return DATA.details[id].kind === "actor"; });
    var degree = {};
    actors.forEach(function (id) { degree[id] = DATA.details[id].links.filter(function (l) { return isItem(l.id); }).length; });
    actors.sort(function (a, b) {
      return degree[b] - degree[a] || DATA.details[a].label.localeCompare(DATA.details[b].label);
    });
    actors.forEach(function (id) {
      var opt = el("option", null, DATA.details[id].label + " (" + degree[id] + ")");
      opt.value = id;
      actorBox.appendChild(opt);
    });
    actorBox.addEventListener("change", function () { filter.actor = actorBox.value; applyFilters(); });

    var facts = {};
    items.forEach(function (id) { facts[DATA.details[id].factuality || "unknown"] = true; });
    ["asserted", "reported", "possible", "unconfirmed", "negated", "unknown"].forEach(function (f) {
      if (!facts[f]) return;
      var label = el("label", "kg-check");
      var box = el("input");
      box.type = "checkbox"; box.checked = true; box.value = f;
      box.addEventListener("change", function () {
        if (box.checked) delete filter.facts[f]; else filter.facts[f] = true;
        applyFilters();
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(f));
      $("kg-f-facts").appendChild(label);
    });

    var days = [];
    items.forEach(function (id) { var d = DATA.details[id]; if (d.date) days.push(d.date); if (d.end) days.push(d.end); });
    days.sort();
    ["kg-f-from", "kg-f-to"].forEach(function (name) {
      var input = $(name);
      if (days.length) { input.min = days[0]; input.max = days[days.length - 1]; }
      input.addEventListener("change", function () {
        filter[name === "kg-f-from" ? "from" : "to"] = input.value;
        applyFilters();
      });
    });
    $("kg-f-undated").addEventListener("change", function () { filter.undated = $("kg-f-undated").checked; applyFilters(); });

    var timer = null;
    $("kg-f-q").addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { filter.q = $("kg-f-q").value.trim().toLocaleLowerCase(); applyFilters(); }, 120);
    });

    Array.prototype.forEach.call(document.querySelectorAll("#kg-legend button[data-key]"), function (b) {
      b.addEventListener("click", function () {
        var off = b.getAttribute("aria-pressed") === "true";
        b.setAttribute("aria-pressed", off ? "false" : "true");
        if (off) filter.types[b.dataset.key] = true; else delete filter.types[b.dataset.key];
        applyFilters();
      });
    });

    $("kg-f-reset").addEventListener("click", function () {
      filter = { actor: "", types: {}, facts: {}, from: "", to: "", undated: true, q: "" };
      actorBox.value = ""; $("kg-f-from").value = ""; $("kg-f-to").value = ""; $("kg-f-q").value = "";
      $("kg-f-undated").checked = true;
      Array.prototype.forEach.call(document.querySelectorAll("#kg-f-facts input"), function (x) { x.checked = true; });
      Array.prototype.forEach.call(document.querySelectorAll("#kg-legend button[data-key]"), function (x) { x.setAttribute("aria-pressed", "true"); });
      applyFilters();
    });

    var lanes = $("kg-lanes");
    if (!TIMELINE) { lanes.parentNode.style.display = "none"; return; }
    lanes.value = DATA.layout;
    lanes.addEventListener("change", function () {
      DATA.layout = lanes.value;
      var pos = layout().pos;
      nodes.update(ids.filter(function (id) { return pos[id]; })
        .map(function (id) { return { id: id, x: pos[id][0], y: pos[id][1] }; }));
      applyFilters();
      fitView(true);
    });
  })();
  applyFilters();

  /* ---------- initial view ---------- */
  function fitView(readable) {
    var W = container.clientWidth, H = container.clientHeight;
    if (!TIMELINE) {
      network.fit({ animation: false });
      network.moveTo({ scale: network.getScale() * 0.95, animation: false });
      return;
    }
    /* timeline: fit the lanes (not just the nodes), keep room for the axis band,
       and never start below a readable scale (then show the top-left corner) */
    var b = layout().axis.bounds, band = 30;
    var s = Math.min(W / (b.x1 - b.x0), (H - band - 10) / Math.max(b.y1 - b.y0, 1), DATA.maxScale);
    if (readable) s = Math.max(s, DATA.minScale);
    var cx = Math.min((b.x0 + b.x1) / 2, b.x0 + W / (2 * s));
    var top = b.y0 - band / s;
    network.moveTo({ position: { x: cx, y: top + H / (2 * s) }, scale: s, animation: false });
  }
  document.getElementById("kg-fit").addEventListener("click", function () { fitView(false); });

  function markReady() {
    if (document.body.dataset.ready) return;
    fitView(true);
    document.body.dataset.ready = "1";
  }

  /* ---------- timeline: lanes, date axis, ranges ---------- */
  function dayNum(iso) {
    var p = iso.split("-");
    return Math.round(Date.UTC(+p[0], +p[1] - 1, +p[2]) / 864e5);
  }
  function ymd(day) {
    var t = new Date(day * 864e5);
    return { y: t.getUTCFullYear(), m: t.getUTCMonth(), d: t.getUTCDate(), wd: t.getUTCDay() };
  }

  /* Ticks for days d0..d1 at pxPerDay screen pixels per day: the finest step whose
     labels do not collide (day, week, month, quarter, year). */
  function ticks(d0, d1, pxPerDay) {
    var out = [], k, t;
    if (pxPerDay >= 56 || pxPerDay * 7 >= 56) {
      var step = pxPerDay >= 56 ? 1 : 7;
      var start = Math.floor(d0);
      if (step === 7) { while (ymd(start).wd !== 1) start--; }
      for (k = start; k <= d1 + 1 && out.length < 600; k += step) {
        t = ymd(k);
        out.push({ day: k, label: t.d + " " + MONTHS[t.m] + (t.m === 0 && t.d <= step ? " " + t.y : ""), major: t.d === 1 });
      }
      return out;
    }
    var months = pxPerDay * 30 >= 48 ? 1 : pxPerDay * 91 >= 64 ? 3 : 12;
    t = ymd(Math.floor(d0));
    var y = t.y, m = t.m - (t.m % months);
    while (out.length < 600) {
      k = Math.round(Date.UTC(y, m, 1) / 864e5);
      if (k > d1 + 1) break;
      var label = months === 12 ? String(y) : MONTHS[m] + (m === 0 || !out.length ? " " + y : "");
      if (k >= d0) out.push({ day: k, label: label, major: m === 0 });
      m += months;
      if (m >= 12) { m -= 12; y += 1; }
    }
    return out;
  }

  function view() {
    var a = network.DOMtoCanvas({ x: 0, y: 0 });
    var b = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
    return { x0: a.x, y0: a.y, x1: b.x, y1: b.y, s: network.getScale() };
  }

  function setupTimeline() {
    var ax = layout().axis;  /* origin and scale are the same in every layout */
    var origin = ax.origin ? dayNum(ax.origin) : null;
    var rangeIds = DATA.ranges.map(function (r) { return r.id; });
    function xOf(day) { return (day - origin) * ax.pxPerDay; }
    function dayOf(x) { return origin + x / ax.pxPerDay; }

    network.on("beforeDrawing", function (ctx) {
      var v = view(), s = v.s;
      ax = layout().axis;
      /* lane bands and lane names (sticky at the left edge) */
      layout().lanes.forEach(function (lane, i) {
        ctx.fillStyle = i % 2 ? "rgba(31,78,121,0.035)" : "rgba(255,255,255,0)";
        ctx.fillRect(v.x0, lane.y0, v.x1 - v.x0, lane.y1 - lane.y0);
        ctx.strokeStyle = "rgba(0,0,0,0.08)";
        ctx.lineWidth = 1 / s;
        ctx.beginPath(); ctx.moveTo(v.x0, lane.y1); ctx.lineTo(v.x1, lane.y1); ctx.stroke();
        ctx.fillStyle = "#4a5563";
        ctx.font = "600 " + (12.5 / s) + "px " + FONT;
        ctx.textAlign = "left"; ctx.textBaseline = "top";
        ctx.fillText(lane.label, v.x0 + 10 / s, lane.y0 + 6 / s);
      });
      /* vertical grid */
      if (origin !== null) {
        var lo = Math.max(v.x0, ax.xmin - 400), hi = Math.min(v.x1, ax.undatedX !== null ? ax.undatedX - 70 / s : ax.xmax + 400);
        ticks(dayOf(lo), dayOf(hi), ax.pxPerDay * s).forEach(function (t) {
          var x = xOf(t.day);
          if (x < lo || x > hi) return;
          ctx.strokeStyle = t.major ? "rgba(0,0,0,0.16)" : "rgba(0,0,0,0.07)";
          ctx.lineWidth = 1 / s;
          ctx.beginPath(); ctx.moveTo(x, v.y0); ctx.lineTo(x, v.y1); ctx.stroke();
        });
      }
      /* undated strip */
      if (ax.undatedX !== null) {
        ctx.fillStyle = "rgba(120,120,120,0.06)";
        ctx.fillRect(ax.undatedX, v.y0, v.x1 - ax.undatedX, v.y1 - v.y0);
        ctx.strokeStyle = "rgba(0,0,0,0.35)";
        ctx.setLineDash([6 / s, 5 / s]);
        ctx.beginPath(); ctx.moveTo(ax.undatedX, v.y0); ctx.lineTo(ax.undatedX, v.y1); ctx.stroke();
        ctx.setLineDash([]);
      }
      /* ranges of vague times: a bar with end caps behind the node */
      if (rangeIds.length) {
        var pos = network.getPositions(rangeIds);
        DATA.ranges.forEach(function (r) {
          var p = pos[r.id];
          if (!p || hidden[r.id] || r.x1 < v.x0 || r.x0 > v.x1 || p.y + 11 < v.y0 || p.y - 11 > v.y1) return;  /* off screen */
          if (r.open) {  /* only a latest day: a bar fading out to the left */
            var g = ctx.createLinearGradient(r.x0, 0, r.x1, 0);
            g.addColorStop(0, "rgba(255,255,255,0)");
            g.addColorStop(1, r.color);
            ctx.globalAlpha = 0.6;
            ctx.fillStyle = g;
            ctx.fillRect(r.x0, p.y - 5, r.x1 - r.x0, 10);
            ctx.globalAlpha = 1;
            return;
          }
          ctx.fillStyle = r.color;
          ctx.globalAlpha = 0.45;
          ctx.fillRect(r.x0, p.y - 5, r.x1 - r.x0, 10);
          ctx.globalAlpha = 1;
          ctx.fillRect(r.x0 - 1, p.y - 11, 2.5, 22);
          ctx.fillRect(r.x1 - 1.5, p.y - 11, 2.5, 22);
        });
      }
    });

    network.on("afterDrawing", function (ctx) {
      var v = view(), s = v.s, band = 26 / s;
      ax = layout().axis;
      ctx.fillStyle = "rgba(246,247,249,0.96)";
      ctx.fillRect(v.x0, v.y0, v.x1 - v.x0, band);
      ctx.strokeStyle = "rgba(0,0,0,0.25)";
      ctx.lineWidth = 1 / s;
      ctx.beginPath(); ctx.moveTo(v.x0, v.y0 + band); ctx.lineTo(v.x1, v.y0 + band); ctx.stroke();
      ctx.textBaseline = "middle";
      if (origin !== null) {
        var lo = Math.max(v.x0, ax.xmin - 400), hi = Math.min(v.x1, ax.undatedX !== null ? ax.undatedX - 70 / s : ax.xmax + 400);
        ticks(dayOf(lo), dayOf(hi), ax.pxPerDay * s).forEach(function (t) {
          var x = xOf(t.day);
          if (x < lo || x > hi) return;
          ctx.strokeStyle = "rgba(0,0,0,0.5)";
          ctx.beginPath(); ctx.moveTo(x, v.y0 + band - 7 / s); ctx.lineTo(x, v.y0 + band); ctx.stroke();
          ctx.fillStyle = "#1f2328";
          ctx.font = (t.major ? "600 " : "") + (12 / s) + "px " + FONT;
          ctx.textAlign = "left";
          ctx.fillText(t.label, x + 4 / s, v.y0 + band / 2);
        });
      } else {
        ctx.fillStyle = "#5b6470";
        ctx.font = (12 / s) + "px " + FONT;
        ctx.textAlign = "left";
        ctx.fillText("no dated items", v.x0 + 10 / s, v.y0 + band / 2);
      }
      if (ax.undatedX !== null && ax.undatedX < v.x1) {
        ctx.fillStyle = "rgba(235,236,239,1)";
        ctx.fillRect(Math.max(ax.undatedX, v.x0), v.y0, v.x1 - Math.max(ax.undatedX, v.x0), band);
        ctx.fillStyle = "#1f2328";
        ctx.font = "600 " + (12.5 / s) + "px " + FONT;
        ctx.textAlign = "left";
        ctx.fillText("undated", Math.max(ax.undatedX, v.x0) + 10 / s, v.y0 + band / 2);
      }
    });
    network.once("afterDrawing", function () { setTimeout(markReady, 0); });

    /* Zoomed out on a crowded timeline, items give way to counts: one box per lane and
       period between two axis ticks (day, week, month, quarter or year, as the zoom
       allows), drawn on the canvas. Filters apply; a click on a box zooms into it. */
    if (DATA.aggregateBelow) {
      network.on("afterDrawing", function () {  /* whatever changed the zoom: wheel, fit, a click */
        if (!document.body.dataset.ready) return;  /* the first drawings are at vis's own zoom */
        var on = network.getScale() < DATA.aggregateBelow;
        if (on !== aggregated) setTimeout(function () { aggregated = on; applyFilters(); }, 0);
      });
      network.on("beforeDrawing", function (ctx) { if (aggregated) drawCounts(ctx, view()); });
    }
    function laneAt(lanes, y) {
      for (var i = 0; i < lanes.length; i++) if (y < lanes[i].y1) return i;
      return lanes.length - 1;
    }
    function periodAt(edges, x) {  /* index of the last edge at or left of x (-1: before all) */
      var lo = 0, hi = edges.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (edges[mid] <= x) lo = mid + 1; else hi = mid; }
      return lo - 1;
    }
    function drawCounts(ctx, v) {
      var L = layout(), s = v.s, groups = {}, most = 1;
      ax = L.axis;
      var edges = origin === null ? [] : ticks(dayOf(ax.xmin) - 400, dayOf(ax.xmax) + 400, ax.pxPerDay * s)
        .map(function (t) { return xOf(t.day); });
      items.forEach(function (id) {
        var p = L.pos[id];
        if (!visible[id] || !p) return;
        var undated = ax.undatedX !== null && p[0] >= ax.undatedX;
        var lane = laneAt(L.lanes, p[1]), at = undated ? "u" : periodAt(edges, p[0]);
        var g = groups[lane + ":" + at] || (groups[lane + ":" + at] = { lane: lane, at: at, n: 0 });
        g.n += 1;
        most = Math.max(most, g.n);
      });
      counts = Object.keys(groups).map(function (key) {
        var g = groups[key], lane = L.lanes[g.lane];
        var x0 = g.at === "u" ? ax.undatedX + 20 / s : g.at < 0 ? -30 / s : edges[g.at];
        var x1 = g.at === "u" ? x0 + 110 / s : g.at + 1 < edges.length ? edges[g.at + 1] : x0 + 30 / s;
        var top = lane.y0 + 24 / s, h = Math.max(Math.min(lane.y1 - top - 4 / s, 24 / s), 4 / s);
        return { lane: lane.label, n: g.n, x0: x0 + 1.5 / s, x1: Math.max(x1 - 1.5 / s, x0 + 12 / s),
                 y0: top, y1: top + h,
                 color: lane.color, weight: Math.log(1 + g.n) / Math.log(1 + most) };
      });
      counts.forEach(function (c) {
        ctx.globalAlpha = 0.25 + 0.6 * c.weight;
        ctx.fillStyle = c.color || "#7a8594";
        ctx.fillRect(c.x0, c.y0, c.x1 - c.x0, c.y1 - c.y0);
        ctx.globalAlpha = 1;
        ctx.fillStyle = "#1f2328";
        ctx.font = "600 " + (11.5 / s) + "px " + FONT;
        ctx.textAlign = "center"; ctx.textBaseline = "middle";
        if (c.x1 - c.x0 > 14 / s) ctx.fillText(String(c.n), (c.x0 + c.x1) / 2, (c.y0 + c.y1) / 2);
      });
    }
  }
  var counts = [];
  /* Zoom into the count box under a click, to where its items can be read. */
  function zoomInto(p) {
    var hit = counts.filter(function (c) { return p.x >= c.x0 && p.x <= c.x1 && p.y >= c.y0 && p.y <= c.y1; })[0];
    if (!hit) return false;
    network.moveTo({ position: { x: (hit.x0 + hit.x1) / 2, y: (hit.y0 + hit.y1) / 2 },
                     scale: DATA.aggregateBelow * 1.5, animation: { duration: 300 } });
    return true;
  }
  window.kgCounts = function () {
    return aggregated ? counts.map(function (c) { return { lane: c.lane, n: c.n }; }) : null;
  };

  if (TIMELINE) {
    setupTimeline();
  } else {
    /* A large network stops laying itself out after DATA.layoutSeconds, and says so. */
    var started = Date.now(), stopped = null;
    network.on("stabilizationProgress", function (p) {
      if (stopped === null && p.iterations < p.total && Date.now() - started >= DATA.layoutSeconds * 1000) {
        stopped = p;
        network.stopSimulation(false);
      }
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      if (stopped) {
        $("kg-hint").textContent = DATA.hint + " Layout stopped after " + stopped.iterations + " of " +
          stopped.total + " steps, at the " + DATA.layoutSeconds + " s limit.";
      }
      markReady();
    });
    /* Ready when the layout is done; this only in case vis never says so. */
    setTimeout(markReady, DATA.layoutSeconds * 1000 + 5000);
  }
})();
