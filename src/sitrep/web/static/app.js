// sitrep web UI: events table, timeline, actor network, map, page view, adding pages.
// Every piece of page text reaches the DOM through textContent (d3's .text()), never
// through HTML parsing, so a page containing "<script>" shows it as text.
"use strict";

(function () {
  const QUADS = ["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"];
  const QUAD_LABELS = {
    verbal_coop: "verbal cooperation",
    material_coop: "material cooperation",
    verbal_conflict: "verbal conflict",
    material_conflict: "material conflict",
  };
  const QUAD_COLOURS = {
    verbal_coop: "#7fb3d5",
    material_coop: "#1f618d",
    verbal_conflict: "#f0b27a",
    material_conflict: "#c0392b",
  };
  const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
    "ASSAULT"];
  const MODALITIES = ["asserted", "reported", "speculated", "predicted", "hypothetical",
    "negated", "question"];
  const SEGMENTS = ["body", "quote", "title", "comment"];
  const FILTER_KEYS = ["actor", "type", "quad", "modality", "segment", "from", "to", "q", "doc",
    "bbox", "sort"];
  const haveD3 = typeof window.d3 !== "undefined";
  const el = (id) => document.getElementById(id);

  // -- small helpers ----------------------------------------------------------------------

  function make(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== undefined && v !== null) node.setAttribute(k, String(v));
    }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function banner(message) {
    const b = el("banner");
    b.textContent = message;
    b.hidden = !message;
  }

  async function api(path, options) {
    const response = await fetch(path, options);
    let body = null;
    if (response.status !== 204) {
      try { body = await response.json(); } catch (e) { body = null; }
    }
    if (!response.ok) {
      const message = body && body.error ? body.error.message : response.statusText;
      throw new Error(`${response.status}: ${message}`);
    }
    return body;
  }

  function actorLabel(ref) {
    if (!ref) return "–";
    return ref.code ? `${ref.name} (${ref.code})` : ref.name;
  }

  function actorsLabel(first, all) {
    const list = all && all.length ? all : (first ? [first] : []);
    return list.length ? list.map(actorLabel).join("; ") : "–";
  }

  // -- routing and filter state -------------------------------------------------------------

  function route() {
    const hash = window.location.hash.replace(/^#/, "") || "/";
    const [path, query] = hash.split("?");
    return { path, params: new URLSearchParams(query || "") };
  }

  function go(path, params) {
    const query = params && params.toString();
    window.location.hash = "#" + path + (query ? "?" + query : "");
  }

  function currentFilters() {
    const { path, params } = route();
    return path === "/" ? params : new URLSearchParams();
  }

  function apiParams(params, drop) {
    const out = new URLSearchParams();
    for (const [k, v] of params) {
      if (FILTER_KEYS.includes(k) && !(drop || []).includes(k) && v !== "") out.append(k, v);
    }
    if (out.get("segment") === "comment") out.set("comments", "true");
    return out;
  }

  function setFilter(changes) {
    const params = currentFilters();
    for (const [k, v] of Object.entries(changes)) {
      params.delete(k);
      if (Array.isArray(v)) v.forEach((x) => params.append(k, x));
      else if (v !== null && v !== undefined && v !== "") params.set(k, v);
    }
    go("/", params);
  }

  function fillSelect(id, values, labels) {
    const select = el(id);
    values.forEach((v) => select.appendChild(make("option", { value: v }, labels ? labels[v] : v)));
  }

  function syncForm(params) {
    el("f-actor").value = params.getAll("actor")[0] || "";
    for (const key of ["type", "quad", "modality", "segment", "from", "to", "q", "doc"]) {
      el("f-" + key).value = params.get(key) || "";
    }
  }

  function renderChips(params) {
    const chips = el("chips");
    chips.replaceChildren();
    const actors = params.getAll("actor");
    const shown = [];
    if (actors.length) shown.push(["actor", "actor: " + (params.get("actor_label") || actors.join(" & "))]);
    for (const key of ["type", "quad", "modality", "segment", "from", "to", "q", "doc"]) {
      if (params.get(key)) shown.push([key, `${key}: ${params.get(key)}`]);
    }
    if (params.get("bbox")) shown.push(["bbox", "place: " + (params.get("place") || params.get("bbox"))]);
    for (const [key, text] of shown) {
      const chip = make("button", { type: "button", class: "chip", "data-key": key }, text + " ×");
      chip.addEventListener("click", () => {
        const change = { [key]: null };
        if (key === "actor") change.actor_label = null;
        if (key === "bbox") change.place = null;
        setFilter(change);
      });
      chips.appendChild(chip);
    }
  }

  // -- events table ---------------------------------------------------------------------------

  let nextCursor = null;
  let tableRequest = 0;

  async function loadEvents(params, append) {
    const request = ++tableRequest;
    const query = apiParams(params);
    query.set("limit", "50");
    if (append && nextCursor) { query.set("cursor", nextCursor); query.set("total", "false"); }
    const body = await api("/api/events?" + query);
    if (request !== tableRequest) return;
    const tbody = el("events").querySelector("tbody");
    if (!append) tbody.replaceChildren();
    for (const event of body.items) tbody.appendChild(eventRow(event));
    nextCursor = body.next_cursor;
    el("more").hidden = !nextCursor;
    if (body.total >= 0) el("event-total").textContent = `(${body.total}${body.total_capped ? "+" : ""})`;
    if (!body.items.length && !append) {
      const row = make("tr", { class: "empty" });
      row.appendChild(make("td", { colspan: 8 }, "No events match these filters."));
      tbody.appendChild(row);
    }
  }

  function eventRow(event) {
    const row = make("tr", { class: "event-row", "data-event-id": event.event_id, tabindex: 0 });
    row.appendChild(make("td", {}, event.date || "–"));
    const type = make("td", { class: "type q-" + event.quad }, event.type);
    if (event.mode) type.appendChild(make("small", {}, " " + event.mode));
    row.appendChild(type);
    row.appendChild(make("td", {}, actorsLabel(event.source, event.sources)));
    row.appendChild(make("td", {}, actorsLabel(event.target, event.targets)));
    const modality = make("td", {}, event.modality);
    if (event.attributed_to) modality.appendChild(make("small", {}, " per " + event.attributed_to.name));
    row.appendChild(modality);
    row.appendChild(make("td", {}, event.location ? event.location.name : "–"));
    row.appendChild(make("td", { class: "num" }, Number(event.score).toFixed(1)));
    const sentence = make("td", { class: "sentence" });
    const rel = event.trigger_start - event.start;
    const text = event.sentence;
    if (rel >= 0 && rel <= text.length) {
      const len = event.trigger_end - event.trigger_start;
      sentence.appendChild(document.createTextNode(text.slice(0, rel)));
      sentence.appendChild(make("mark", { class: "trigger" }, text.slice(rel, rel + len)));
      sentence.appendChild(document.createTextNode(text.slice(rel + len)));
    } else {
      sentence.textContent = text;
    }
    row.appendChild(sentence);
    const open = () => go("/page/" + encodeURIComponent(event.doc), new URLSearchParams({ event: event.event_id }));
    row.addEventListener("click", open);
    row.addEventListener("keydown", (e) => { if (e.key === "Enter") open(); });
    return row;
  }

  // -- timeline -------------------------------------------------------------------------------

  async function drawTimeline(params) {
    const svg = d3.select("#timeline");
    const by = el("t-by").value;
    const query = apiParams(params, ["from", "to", "sort"]);
    query.set("by", by);
    const body = await api("/api/counts?" + query);
    const periods = body.periods;
    const width = svg.node().clientWidth || 900;
    const height = 180;
    const margin = { top: 8, right: 10, bottom: 28, left: 36 };
    svg.attr("viewBox", `0 0 ${width} ${height}`).attr("height", height);
    svg.selectAll("*").remove();
    if (!periods.length) {
      svg.append("text").attr("x", 12).attr("y", 30).attr("class", "empty").text("No dated events match.");
      return;
    }
    const x = d3.scaleBand().domain(periods.map((p) => p.period))
      .range([margin.left, width - margin.right]).padding(0.1);
    const y = d3.scaleLinear().domain([0, d3.max(periods, (p) => p.total) || 1]).nice()
      .range([height - margin.bottom, margin.top]);
    const rows = periods.map((p) => Object.assign({ period: p.period }, p.counts));
    const series = d3.stack().keys(QUADS)(rows);
    svg.append("g").selectAll("g").data(series).join("g")
      .attr("fill", (s) => QUAD_COLOURS[s.key]).attr("class", (s) => "bar-" + s.key)
      .selectAll("rect").data((s) => s).join("rect")
      .attr("x", (d) => x(d.data.period)).attr("width", x.bandwidth())
      .attr("y", (d) => y(d[1])).attr("height", (d) => Math.max(0, y(d[0]) - y(d[1])))
      .append("title").text((d) => `${d.data.period}: ${d[1] - d[0]}`);
    const ticks = x.domain().filter((_, i, all) => i % Math.ceil(all.length / 12) === 0);
    svg.append("g").attr("transform", `translate(0,${height - margin.bottom})`)
      .call(d3.axisBottom(x).tickValues(ticks));
    svg.append("g").attr("transform", `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(4));
    const byPeriod = new Map(periods.map((p) => [p.period, p]));
    const brush = d3.brushX()
      .extent([[margin.left, margin.top], [width - margin.right, height - margin.bottom]])
      .on("end", (event) => {
        if (!event.sourceEvent) return;
        if (!event.selection) { setFilter({ from: null, to: null }); return; }
        const [x0, x1] = event.selection;
        const picked = x.domain().filter((p) => {
          const mid = x(p) + x.bandwidth() / 2;
          return mid >= x0 && mid <= x1;
        });
        if (!picked.length) return;
        setFilter({ from: byPeriod.get(picked[0]).start, to: byPeriod.get(picked[picked.length - 1]).end });
      });
    const gBrush = svg.append("g").attr("class", "brush").call(brush);
    const from = params.get("from");
    const to = params.get("to");
    if (from || to) {
      const inside = periods.filter((p) => (!from || p.end >= from) && (!to || p.start <= to));
      if (inside.length) {
        const a = x(inside[0].period);
        const b = x(inside[inside.length - 1].period) + x.bandwidth();
        brush.move(gBrush, [a, b]);
      }
    }
  }

  function drawLegend() {
    const legend = el("quad-legend");
    for (const q of QUADS) {
      const item = make("span", { class: "legend-item" });
      const swatch = make("span", { class: "swatch" });
      swatch.style.background = QUAD_COLOURS[q];
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(QUAD_LABELS[q]));
      legend.appendChild(item);
    }
  }

  // -- actor network --------------------------------------------------------------------------

  async function drawNetwork(params) {
    const svg = d3.select("#network");
    const body = await api("/api/counts/dyads?" + apiParams(params, ["sort"]) + "&limit=60");
    const width = svg.node().clientWidth || 500;
    const height = 380;
    svg.attr("viewBox", `0 0 ${width} ${height}`).attr("height", height);
    svg.selectAll("*").remove();
    if (!body.items.length) {
      svg.append("text").attr("x", 12).attr("y", 30).attr("class", "empty").text("No actor pairs match.");
      return;
    }
    const nodes = new Map();
    const addNode = (id, name, code, n) => {
      const node = nodes.get(id) || { id, name, code, events: 0 };
      node.events += n;
      nodes.set(id, node);
    };
    const links = body.items.map((d) => {
      addNode(d.source_id, d.source_name, d.source_code, d.events);
      addNode(d.target_id, d.target_name, d.target_code, d.events);
      return { source: d.source_id, target: d.target_id, events: d.events, score: d.mean_score, d };
    });
    const nodeList = Array.from(nodes.values());
    const maxEvents = d3.max(links, (l) => l.events);
    const widthScale = d3.scaleSqrt().domain([1, maxEvents]).range([1, 8]);
    const radius = d3.scaleSqrt().domain([1, d3.max(nodeList, (n) => n.events)]).range([4, 16]);
    const colour = d3.scaleLinear().domain([-10, 0, 10]).range(["#c0392b", "#aaaaaa", "#1e8449"]).clamp(true);
    const simulation = d3.forceSimulation(nodeList)
      .force("link", d3.forceLink(links).id((n) => n.id).distance(60))
      .force("charge", d3.forceManyBody().strength(-120))
      .force("x", d3.forceX(0).strength(0.08))
      .force("y", d3.forceY(0).strength(0.12))
      .force("collide", d3.forceCollide((n) => radius(n.events) + 3))
      .stop();
    for (let i = 0; i < 300; i += 1) simulation.tick();
    // fit the layout into the panel, leaving room for labels on the right
    const xs = d3.extent(nodeList, (n) => n.x);
    const ys = d3.extent(nodeList, (n) => n.y);
    const fit = d3.scaleLinear().domain(xs[0] === xs[1] ? [xs[0] - 1, xs[1] + 1] : xs).range([24, width - 110]);
    const fitY = d3.scaleLinear().domain(ys[0] === ys[1] ? [ys[0] - 1, ys[1] + 1] : ys).range([24, height - 24]);
    const clampX = (v) => fit(v);
    const clampY = (v) => fitY(v);
    svg.append("g").selectAll("line").data(links).join("line")
      .attr("class", "link")
      .attr("x1", (l) => clampX(l.source.x)).attr("y1", (l) => clampY(l.source.y))
      .attr("x2", (l) => clampX(l.target.x)).attr("y2", (l) => clampY(l.target.y))
      .attr("stroke", (l) => colour(l.score)).attr("stroke-width", (l) => widthScale(l.events))
      .on("click", (_, l) => setFilter({
        actor: [l.source.id, l.target.id],
        actor_label: `${l.source.name} → ${l.target.name}`,
      }))
      .append("title").text((l) => `${l.source.name} → ${l.target.name}: ${l.events} events, mean score ${l.score}`);
    const node = svg.append("g").selectAll("g").data(nodeList).join("g")
      .attr("class", "node").attr("data-actor-id", (n) => n.id)
      .attr("transform", (n) => `translate(${clampX(n.x)},${clampY(n.y)})`)
      .on("click", (_, n) => setFilter({ actor: n.id, actor_label: n.name }));
    node.append("circle").attr("r", (n) => radius(n.events));
    node.append("text").attr("x", (n) => radius(n.events) + 3).attr("y", 4).text((n) => n.name);
    node.append("title").text((n) => `${n.name} (${n.code}): ${n.events} events`);
  }

  // -- map ------------------------------------------------------------------------------------

  let worldPromise = null;

  async function drawMap(params) {
    const svg = d3.select("#map");
    const width = svg.node().clientWidth || 500;
    const height = 380;
    svg.attr("viewBox", `0 0 ${width} ${height}`).attr("height", height);
    if (!worldPromise) worldPromise = api("vendor/countries-110m.json");
    const [world, body] = await Promise.all([
      worldPromise,
      api("/api/counts/locations?" + apiParams(params, ["sort", "bbox"]) + "&limit=300"),
    ]);
    svg.selectAll("*").remove();
    const countries = topojson.feature(world, world.objects.countries);
    const projection = d3.geoNaturalEarth1();
    const points = body.items;
    if (points.length) {
      // frame the points with a margin of a few degrees (one point alone gives no extent)
      const lons = d3.extent(points, (p) => p.lon);
      const lats = d3.extent(points, (p) => p.lat);
      const pad = 6;
      const corners = [[lons[0] - pad, Math.max(-85, lats[0] - pad)], [lons[1] + pad, Math.min(85, lats[1] + pad)]];
      projection.fitExtent([[20, 20], [width - 20, height - 20]], { type: "MultiPoint", coordinates: corners });
    } else {
      projection.fitSize([width, height], { type: "Sphere" });
    }
    const path = d3.geoPath(projection);
    svg.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
    svg.append("g").selectAll("path").data(countries.features).join("path")
      .attr("class", "country").attr("d", path)
      .append("title").text((f) => f.properties.name);
    const r = d3.scaleSqrt().domain([1, d3.max(points, (p) => p.events) || 1]).range([3, 14]);
    const colour = d3.scaleLinear().domain([-10, 0, 10]).range(["#c0392b", "#888888", "#1e8449"]).clamp(true);
    svg.append("g").selectAll("circle").data(points).join("circle")
      .attr("class", "location").attr("data-place", (p) => p.name)
      .attr("cx", (p) => projection([p.lon, p.lat])[0]).attr("cy", (p) => projection([p.lon, p.lat])[1])
      .attr("r", (p) => r(p.events)).attr("fill", (p) => colour(p.mean_score))
      .on("click", (_, p) => {
        const pad = 0.05;
        const box = [p.lon - pad, p.lat - pad, p.lon + pad, p.lat + pad].map((v) => v.toFixed(4));
        setFilter({ bbox: box.join(","), place: p.name });
      })
      .append("title").text((p) => `${p.name}: ${p.events} events`);
    if (!points.length) {
      svg.append("text").attr("x", 12).attr("y", 24).attr("class", "empty").text("No located events match.");
    }
  }

  // -- explore view ---------------------------------------------------------------------------

  async function showExplore(params) {
    syncForm(params);
    renderChips(params);
    const jobs = [loadEvents(params, false)];
    if (haveD3) {
      jobs.push(drawTimeline(params), drawNetwork(params));
      if (typeof window.topojson !== "undefined") jobs.push(drawMap(params));
    }
    const results = await Promise.allSettled(jobs);
    const failed = results.filter((r) => r.status === "rejected").map((r) => r.reason.message);
    banner(failed.length ? failed[0] : (haveD3 ? "" : "Charts need the npm packages: run scripts/setup-web.sh"));
    document.body.dataset.ready = "explore";
  }

  // -- report ------------------------------------------------------------------------------

  async function eventDateBound(params, sort) {
    const query = apiParams(params, ["sort", "from", "to"]);
    query.set("sort", sort);
    query.set("limit", "1");
    query.set("total", "false");
    const body = await api("/api/events?" + query);
    const first = body.items[0];
    return first && first.date ? first.date : null;
  }

  // The report covers a period, so a date range is required: the dates chosen, else the
  // range of the events the other filters select. Actors and the page carry over.
  async function reportUrl(params) {
    let from = params.get("from");
    let to = params.get("to");
    if (!from) from = await eventDateBound(params, "date");
    if (!to) to = await eventDateBound(params, "-date");
    if (!from || !to) throw new Error("No dated events match these filters: set From and To for the report.");
    const query = new URLSearchParams({ from, to, format: "html" });
    for (const actor of params.getAll("actor")) query.append("actor", actor);
    if (params.get("doc")) query.append("doc", params.get("doc"));
    return "/api/report?" + query;
  }

  async function openReport() {
    const button = el("f-report");
    button.disabled = true;
    try {
      const url = await reportUrl(currentFilters());
      button.dataset.href = url;
      window.open(url, "_blank", "noopener");
    } catch (error) {
      banner(error.message);
    } finally {
      button.disabled = false;
    }
  }

  // -- documents view -------------------------------------------------------------------------

  let docsCursor = null;

  async function showDocuments(append) {
    const query = new URLSearchParams({ limit: "100" });
    if (append && docsCursor) query.set("cursor", docsCursor);
    const body = await api("/api/documents?" + query);
    const tbody = el("documents").querySelector("tbody");
    if (!append) tbody.replaceChildren();
    for (const d of body.items) {
      const row = make("tr", { class: "doc-row", "data-doc": d.doc });
      row.appendChild(make("td", {}, d.date || "–"));
      const link = make("a", { href: "#/page/" + encodeURIComponent(d.doc) }, d.doc);
      const cell = make("td");
      cell.appendChild(link);
      row.appendChild(cell);
      row.appendChild(make("td", {}, d.title || d.path));
      row.appendChild(make("td", { class: "num" }, d.events));
      row.appendChild(make("td", { class: "num" }, d.mentions));
      row.appendChild(make("td", { class: "num" }, d.places));
      tbody.appendChild(row);
    }
    docsCursor = body.next_cursor;
    el("docs-more").hidden = !docsCursor;
    document.body.dataset.ready = "documents";
  }

  // -- page view ------------------------------------------------------------------------------

  function annotations(page) {
    const list = [];
    for (const m of page.mentions) {
      const label = m.actor ? `${m.actor.name} (${m.actor.code})` : `unresolved ${m.label}`;
      list.push({ start: m.start, end: m.end, cls: m.actor ? "mention" : "mention unresolved", title: label });
    }
    for (const p of page.places) {
      list.push({ start: p.start, end: p.end, cls: "place", title: `${p.name} (${p.country || "?"}) ${p.lat}, ${p.lon}` });
    }
    for (const e of page.events) {
      const tellings = e.mentions && e.mentions.length ? e.mentions : [e];
      for (const t of tellings) {
        list.push({ start: t.start, end: t.end, cls: "sentence", event: e.event_id });
        list.push({ start: t.trigger_start, end: t.trigger_end, cls: "trigger", event: e.event_id,
          title: `${e.type}${e.mode ? " / " + e.mode : ""} · ${t.modality || e.modality}` });
      }
    }
    return list.filter((a) => a.end > a.start);
  }

  function renderText(page, selected) {
    const box = el("page-text");
    box.replaceChildren();
    const notes = annotations(page);
    const text = page.text;
    for (const seg of page.segments) {
      const block = make("div", { class: "seg seg-" + seg.kind, "data-kind": seg.kind });
      block.appendChild(make("span", { class: "seg-label" }, seg.kind === "boilerplate" ? "removed" : seg.kind));
      const inside = notes.filter((a) => a.start < seg.end && a.end > seg.start);
      const cuts = new Set([seg.start, seg.end]);
      for (const a of inside) {
        cuts.add(Math.max(a.start, seg.start));
        cuts.add(Math.min(a.end, seg.end));
      }
      const points = Array.from(cuts).sort((p, q) => p - q);
      for (let i = 0; i + 1 < points.length; i += 1) {
        const a = points[i];
        const b = points[i + 1];
        const active = inside.filter((n) => n.start <= a && n.end >= b);
        const piece = text.slice(a, b);
        if (!active.length) { block.appendChild(document.createTextNode(piece)); continue; }
        const classes = new Set();
        const events = new Set();
        const triggers = new Set();
        const titles = [];
        for (const n of active) {
          n.cls.split(" ").forEach((c) => classes.add(c));
          if (n.cls === "sentence") events.add(n.event);
          if (n.cls === "trigger") triggers.add(n.event);
          if (n.title) titles.push(n.title);
        }
        if (selected && events.has(selected)) classes.add("selected");
        if (selected && triggers.has(selected)) classes.add("selected-trigger");
        const span = make("span", {
          class: Array.from(classes).join(" "),
          "data-start": a,
          "data-end": b,
          "data-events": events.size ? Array.from(events).join(" ") : null,
          "data-trigger": triggers.size ? Array.from(triggers).join(" ") : null,
          title: titles.length ? titles.join("\n") : null,
        }, piece);
        if (triggers.size) {
          const id = Array.from(triggers)[0];
          span.addEventListener("click", () => selectEvent(page.doc, id));
        }
        block.appendChild(span);
      }
      box.appendChild(block);
    }
  }

  function selectEvent(doc, id) {
    go("/page/" + encodeURIComponent(doc), new URLSearchParams({ event: id }));
  }

  function renderSide(page, selected) {
    const list = el("page-events");
    list.replaceChildren();
    for (const e of page.events) {
      const item = make("li", { class: "page-event" + (e.event_id === selected ? " selected" : ""), "data-event-id": e.event_id });
      const head = make("div", { class: "head" });
      head.appendChild(make("strong", { class: "q-" + e.quad }, e.type + (e.mode ? " / " + e.mode : "")));
      head.appendChild(make("span", { class: "badge modality-" + e.modality }, e.modality));
      if (e.segment !== "body") head.appendChild(make("span", { class: "badge" }, e.segment));
      item.appendChild(head);
      item.appendChild(make("div", {}, `${actorsLabel(e.source, e.sources)} → ${actorsLabel(e.target, e.targets)}`));
      const facts = [];
      facts.push("date: " + (e.date || "unknown") + (e.date_text ? ` (“${e.date_text}”)` : ""));
      if (e.location) facts.push("where: " + e.location.name);
      facts.push("attribution: " + (e.attributed_to ? actorLabel(e.attributed_to) : "the page itself"));
      if (e.context) facts.push("why: " + e.context);
      facts.push("words: “" + e.trigger + "”");
      for (const f of facts) item.appendChild(make("div", { class: "fact" }, f));
      item.addEventListener("click", () => selectEvent(page.doc, e.event_id));
      list.appendChild(item);
    }
    if (!page.events.length) list.appendChild(make("li", {}, "No events were coded on this page."));
    for (const kind of ["relations", "claims"]) {
      const items = page[kind] || [];
      el(`page-${kind}-h`).hidden = !items.length;
      const ul = el(`page-${kind}`);
      ul.replaceChildren();
      for (const r of items) {
        const line = kind === "relations"
          ? `${actorLabel(r.subject)} ${r.predicate.replace(/_/g, " ")} ${actorLabel(r.object)}`
          : `${r.kind}: ${r.text}`;
        ul.appendChild(make("li", {}, line));
      }
    }
  }

  async function showPage(doc, params) {
    const page = await api("/api/documents/" + encodeURIComponent(doc));
    const selected = params.get("event");
    el("page-title").textContent = page.title || page.doc;
    const meta = [page.doc, page.date || "undated", page.source, page.url].filter(Boolean).join(" · ");
    el("page-meta").textContent = meta;
    renderText(page, selected);
    renderSide(page, selected);
    el("page-delete").onclick = () => deletePage(page.doc);
    document.body.dataset.ready = "page";
    const target = selected && document.querySelector("#page-text .selected-trigger, #page-text .selected");
    if (target) target.scrollIntoView({ block: "center" });
  }

  function token() {
    const value = el("a-token").value || sessionStorage.getItem("sitrep-token") || "";
    if (value) sessionStorage.setItem("sitrep-token", value);
    return value;
  }

  async function deletePage(doc) {
    if (!window.confirm(`Delete page ${doc} and everything taken from it?`)) return;
    try {
      await api("/api/documents/" + encodeURIComponent(doc), {
        method: "DELETE", headers: { Authorization: "Bearer " + token() },
      });
      go("/documents");
    } catch (e) {
      banner(e.message + " (set the token under Add pages)");
    }
  }

  // -- adding pages ---------------------------------------------------------------------------

  function showResults(body) {
    const box = el("add-result");
    box.replaceChildren();
    const list = make("ul");
    for (const r of body.results || []) {
      const item = make("li", { class: "result-" + r.status });
      if (r.doc && r.status !== "failed") {
        item.appendChild(make("a", { href: "#/page/" + encodeURIComponent(r.doc) }, r.doc));
        item.appendChild(document.createTextNode(`: ${r.status}, ${r.events} events, ${r.mentions} mentions, ${r.places} places`));
      } else {
        item.textContent = `${r.path}: ${r.status}${r.error ? " – " + r.error : ""}`;
      }
      list.appendChild(item);
    }
    box.appendChild(list);
  }

  async function submit(body, headers) {
    const box = el("add-result");
    box.textContent = "Analysing…";
    const response = await fetch("/api/documents", {
      method: "POST", body, headers: Object.assign({ Authorization: "Bearer " + token() }, headers || {}),
    });
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    if (data && data.results) showResults(data);
    else box.textContent = data && data.error ? data.error.message : response.statusText;
  }

  function wireAddForms() {
    el("a-token").value = sessionStorage.getItem("sitrep-token") || "";
    el("add-text").addEventListener("submit", (event) => {
      event.preventDefault();
      const payload = { text: el("a-text").value, html: el("a-html").checked };
      for (const key of ["title", "date", "doc"]) {
        const value = el("a-" + key).value.trim();
        if (value) payload[key] = value;
      }
      submit(JSON.stringify(payload), { "Content-Type": "application/json" });
    });
    el("add-files").addEventListener("submit", (event) => {
      event.preventDefault();
      const form = new FormData();
      for (const file of el("a-files").files) form.append("files", file, file.name);
      submit(form);
    });
  }

  // -- wiring ---------------------------------------------------------------------------------

  function show(name) {
    for (const view of ["explore", "documents", "page", "add"]) el("view-" + view).hidden = view !== name;
  }

  async function render() {
    const { path, params } = route();
    delete document.body.dataset.ready;
    banner("");
    try {
      if (path.startsWith("/page/")) {
        show("page");
        await showPage(decodeURIComponent(path.slice(6)), params);
      } else if (path === "/documents") {
        show("documents");
        await showDocuments(false);
      } else if (path === "/add") {
        show("add");
        document.body.dataset.ready = "add";
      } else {
        show("explore");
        await showExplore(params);
      }
    } catch (e) {
      banner(e.message);
      document.body.dataset.ready = "error";
    }
  }

  function init() {
    fillSelect("f-type", TYPES);
    fillSelect("f-quad", QUADS, QUAD_LABELS);
    fillSelect("f-modality", MODALITIES);
    fillSelect("f-segment", SEGMENTS);
    drawLegend();
    wireAddForms();
    el("filters").addEventListener("submit", (event) => {
      event.preventDefault();
      const params = new URLSearchParams();
      const previous = currentFilters();
      const actor = el("f-actor").value.trim();
      if (actor) params.set("actor", actor);
      for (const key of ["type", "quad", "modality", "segment", "from", "to", "q", "doc"]) {
        const value = el("f-" + key).value.trim();
        if (value) params.set(key, value);
      }
      for (const key of ["bbox", "place", "sort"]) if (previous.get(key)) params.set(key, previous.get(key));
      go("/", params);
    });
    el("f-clear").addEventListener("click", () => go("/"));
    el("f-report").addEventListener("click", openReport);
    el("more").addEventListener("click", () => loadEvents(currentFilters(), true));
    el("docs-more").addEventListener("click", () => showDocuments(true));
    el("t-by").addEventListener("change", () => drawTimeline(currentFilters()));
    for (const th of document.querySelectorAll("th.sortable")) {
      th.addEventListener("click", () => {
        const now = currentFilters().get("sort") || "date";
        const key = th.dataset.sort;
        setFilter({ sort: now === key ? "-" + key : key });
      });
    }
    window.addEventListener("hashchange", render);
    render();
  }

  init();
})();
