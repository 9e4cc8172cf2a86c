// The review page: documents, one at a time; figures marked by state; a panel to confirm, correct,
// reject or draft. Every text from a document or a claim goes in as textContent, never as HTML.
(function () {
  "use strict";
  var token = new URLSearchParams(location.search).get("token") || "";
  var state = {docs: [], doc: null, figures: [], selected: -1};
  var $ = function (id) { return document.getElementById(id); };

  function api(path, body) {
    var options = {headers: {"X-Claimcheck-Token": token}};
    if (body) {
      options.method = "POST";
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(path, options).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) { var e = new Error(data.error || r.statusText); e.status = r.status; throw e; }
        return data;
      });
    });
  }

  function say(text, bad) { var s = $("status"); s.textContent = text; s.className = bad ? "error" : ""; }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function loadDocuments() {
    return api("/api/documents").then(function (data) {
      state.docs = data.documents;
      var list = $("doclist"); list.textContent = "";
      data.documents.forEach(function (d) {
        var li = el("li", d.name);
        li.dataset.name = d.name;
        var counts = [d.drafts + " drafts", d.confirmed + " confirmed", d.findings + " findings"];
        if (d.uncaptured !== null) counts.unshift(d.uncaptured + " not captured");
        li.appendChild(el("span", counts.join(" · "), "counts"));
        if (state.doc && state.doc.name === d.name) li.classList.add("current");
        li.addEventListener("click", function () { openDocument(d.name); });
        list.appendChild(li);
      });
      var counting = data.documents.some(function (d) { return d.uncaptured === null; });
      clearTimeout(state.poll);
      if (counting) state.poll = setTimeout(loadDocuments, 3000);  // the server counts them one by one
    });
  }

  function openDocument(name, keep) {
    say("reading " + name + " …");
    return api("/api/document?name=" + encodeURIComponent(name)).then(function (doc) {
      show(doc, keep);
      say("");
      return loadDocuments();
    }).catch(function (e) { say(e.message, true); });
  }

  function show(doc, keep) {
    var at = keep && state.selected >= 0 ? state.figures[state.selected] : null;
    state.doc = doc; state.figures = doc.figures; state.selected = -1;
    var main = $("document"); main.textContent = "";
    main.appendChild(el("h2", doc.name));
    var byLine = {};
    doc.figures.forEach(function (f, i) { f.index = i; (byLine[f.line] = byLine[f.line] || []).push(f); });
    doc.lines.forEach(function (text, i) {
      var n = i + 1, figs = (byLine[n] || []).filter(function (f) { return f.start >= 0; });
      if (!text.trim() && !figs.length) return;
      var p = el("p", null, "line"); p.id = "L" + n;
      p.appendChild(el("span", String(n), "ln"));
      var pos = 0;
      figs.sort(function (a, b) { return a.start - b.start; }).forEach(function (f) {
        if (f.start < pos) return;
        p.appendChild(document.createTextNode(text.slice(pos, f.start)));
        var m = el("mark", text.slice(f.start, f.end), f.state);
        m.id = "F" + f.index; m.title = f.id ? f.id + " (" + f.state + ")" : "no claim yet";
        m.addEventListener("click", function () { select(f.index); });
        p.appendChild(m);
        pos = f.end;
      });
      p.appendChild(document.createTextNode(text.slice(pos)));
      main.appendChild(p);
    });
    var list = $("findings"); list.textContent = "";
    doc.findings.forEach(function (f) {
      var li = el("li", f.code + " " + f.severity + " · " + f.message, f.severity);
      list.appendChild(li);
    });
    if (!doc.findings.length) list.appendChild(el("li", "no findings", "hint"));
    $("timing").textContent = "(checked in " + doc.seconds + " s)";
    if (at) {
      var again = doc.figures.findIndex(function (f) { return f.line === at.line && f.start === at.start; });
      if (again >= 0) select(again);
    } else {
      $("panel").hidden = true;
    }
  }

  function select(i) {
    if (i < 0 || i >= state.figures.length) return;
    var old = document.querySelector("mark.selected");
    if (old) old.classList.remove("selected");
    state.selected = i;
    var f = state.figures[i], m = $("F" + i);
    if (m) { m.classList.add("selected"); m.scrollIntoView({block: "center"}); }
    $("panel").hidden = false;
    $("panel-title").textContent = f.surface + " · " + (f.id ? f.state : "no claim yet");
    $("panel-where").textContent = f.id ? f.id + " in " + f.file + ":" + f.record_line : state.doc.name + ":" + f.line;
    var values = f.fields || f.proposal || {};
    var form = $("claim");
    ["metric", "entity", "period", "kind", "unit", "qualifier", "note"].forEach(function (k) {
      form.elements[k].value = values[k] || (k === "kind" ? "actual" : "");
    });
    form.elements.reason.value = "";
    form.elements.relations.value = (f.relations || []).join("; ");
    form.elements.relations.dataset.shown = form.elements.relations.value;
    form.elements.relations.disabled = !f.id;
    var about = [];
    if (values.wording) about.push("printed as: " + values.wording);
    if (values.derived) about.push("derived: " + values.derived);
    $("relations").textContent = about.join(" · ");
    $("confirm").disabled = !f.id; $("draft").disabled = !!f.id;
    var list = $("claim-findings"); list.textContent = "";
    (f.findings || []).forEach(function (x) { list.appendChild(el("li", x.code + " " + x.severity + " · " + x.message, x.severity)); });
    if (!(f.findings || []).length) list.appendChild(el("li", f.id ? "none" : "no claim yet", "hint"));
  }

  function fields() {
    var form = $("claim"), out = {};
    ["metric", "entity", "period", "kind", "unit", "qualifier", "note"].forEach(function (k) { out[k] = form.elements[k].value; });
    var relations = form.elements.relations;
    if (relations.value !== relations.dataset.shown) out.relations = relations.value;  // written only when edited
    return out;
  }

  function save(action) {
    var f = state.figures[state.selected];
    if (!f) return;
    var body = {action: action, fields: fields(), files: state.doc.files, reason: $("reason").value};
    if (f.id) { body.id = f.id; } else { body.doc = state.doc.name; body.line = f.line; body.start = f.start; }
    if (action === "reject" && !body.reason) { $("reason").focus(); say("give a reason for rejecting, then press x again", true); return; }
    say("saving …");
    var started = performance.now();
    api("/api/save", body).then(function (doc) {
      show(doc, true);
      say(action + " saved; findings updated in " + Math.round(performance.now() - started) + " ms");
      document.body.dataset.saved = String((+document.body.dataset.saved || 0) + 1);
      loadDocuments();
      next();
    }).catch(function (e) {
      say(e.message, true);
      if (e.status === 409) openDocument(state.doc.name);
    });
  }

  function next() { select(Math.min(state.selected + 1, state.figures.length - 1)); }
  function previous() { select(Math.max(state.selected - 1, 0)); }

  $("confirm").addEventListener("click", function () { save("confirm"); });
  $("draft").addEventListener("click", function () { save("draft"); });
  $("reject").addEventListener("click", function () { save("reject"); });

  document.addEventListener("keydown", function (e) {
    var typing = /INPUT|SELECT|TEXTAREA/.test(e.target.tagName);
    if (e.key === "Escape") { if (typing) e.target.blur(); else $("panel").hidden = true; return; }
    if (typing && !(e.key === "Enter" && e.target.id === "reason")) return;
    if (e.key === "Enter" && e.target.id === "reason") { e.preventDefault(); save("reject"); return; }
    if (e.key === "j") next();
    else if (e.key === "k") previous();
    else if (e.key === "c" && state.selected >= 0 && state.figures[state.selected].id) save("confirm");
    else if (e.key === "d" && state.selected >= 0 && !state.figures[state.selected].id) save("draft");
    else if (e.key === "x" && state.selected >= 0) save("reject");
    else return;
    e.preventDefault();
  });

  function names(kind, list) {
    api("/api/vocabulary?kind=" + kind + "&q=").then(function (data) {
      var box = $(list); box.textContent = "";
      data.names.forEach(function (n) { var o = document.createElement("option"); o.value = n; box.appendChild(o); });
    });
  }

  loadDocuments().then(function () {
    names("metric", "metric-names"); names("entity", "entity-names");
    var first = state.docs[0];
    if (first) openDocument(first.name);
  }).catch(function (e) { say(e.message, true); });
})();
