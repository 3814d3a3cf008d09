/* Site search: reads search-index.json (built with Kuromoji at build time) and ranks its entries for the query.
   The query is normalised like the index (NFKC, lower case, katakana as hiragana); Japanese runs are matched as
   character bigrams (all must occur) and as the longest index terms they contain (which raise the score).
   No external service: everything happens in the page. */
(function () {
  'use strict';
  var script = document.currentScript;
  var root = (script && script.getAttribute('data-root')) || '';
  var input = document.getElementById('site-search');
  var results = document.getElementById('site-search-results');
  if (!input || !results) return;
  var JAPANESE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u30fc\u3005]/;
  var RUNS = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u30fc\u3005]+|[^\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u30fc\u3005\s]+/g;
  var index = null;
  var longestTerm = 1;

  function load() {
    if (index) return Promise.resolve(index);
    return fetch(root + 'search-index.json').then(function (r) { return r.json(); }).then(function (json) {
      index = json;
      Object.keys(json.terms).forEach(function (t) { if (t.length > longestTerm) longestTerm = t.length; });
      return json;
    });
  }

  function normalise(text) {
    return text.normalize('NFKC').toLowerCase().replace(/[\u30a1-\u30f6]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0x60);
    });
  }

  /* required: each must occur in a result; boosts: raise the score where they occur. */
  function analyse(query) {
    var required = [], boosts = [];
    (normalise(query).match(RUNS) || []).forEach(function (run) {
      if (!JAPANESE.test(run[0])) { required.push(run); return; }
      if (run.length === 1) required.push(run);
      for (var i = 0; i + 2 <= run.length; i++) required.push(run.substr(i, 2));
      for (var start = 0; start < run.length;) {
        var found = null;
        for (var len = Math.min(longestTerm, run.length - start); len >= 1 && !found; len--) {
          var candidate = run.substr(start, len);
          if (index.terms[candidate]) found = candidate;
        }
        if (found) { boosts.push(found); start += found.length; } else { start += 1; }
      }
    });
    return { required: required, boosts: boosts };
  }

  function postings(term) {
    var list = index.terms[term];
    if (list) return list;
    /* a latin word may be the start of an indexed one (e.g. "cons" for "consent") */
    if (!JAPANESE.test(term) && term.length >= 3) {
      var merged = {};
      Object.keys(index.terms).forEach(function (t) {
        if (t.indexOf(term) === 0) index.terms[t].forEach(function (p) { merged[p[0]] = (merged[p[0]] || 0) + p[1]; });
      });
      return Object.keys(merged).map(function (d) { return [Number(d), merged[d]]; });
    }
    return [];
  }

  function search(query) {
    var q = analyse(query);
    if (!q.required.length) return [];
    var scores = null;
    var total = index.docs.length;
    q.required.forEach(function (term) {
      var list = postings(term), next = {};
      var idf = Math.log(1 + total / (1 + list.length));
      list.forEach(function (p) {
        if (scores === null || scores[p[0]] !== undefined) next[p[0]] = (scores ? scores[p[0]] : 0) + p[1] * idf;
      });
      scores = next;
    });
    q.boosts.forEach(function (term) {
      var list = postings(term), idf = Math.log(1 + total / (1 + list.length));
      list.forEach(function (p) { if (scores[p[0]] !== undefined) scores[p[0]] += 2 * p[1] * idf; });
    });
    return Object.keys(scores).map(function (d) { return { doc: Number(d), score: scores[d] }; })
      .sort(function (a, b) { return b.score - a.score || a.doc - b.doc; }).slice(0, 20);
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /* Cuts a snippet around the first match and marks every match; matching is done on the normalised text. */
  function snippet(text, query) {
    var normal = '', map = [];
    for (var i = 0; i < text.length; i++) {
      var n = normalise(text[i]);
      for (var j = 0; j < n.length; j++) { normal += n[j]; map.push(i); }
    }
    var needles = (normalise(query).match(RUNS) || []).filter(function (s) { return s.length > 0; });
    var spans = [];
    needles.forEach(function (needle) {
      for (var at = normal.indexOf(needle); at >= 0; at = normal.indexOf(needle, at + 1)) {
        spans.push([map[at], map[at + needle.length - 1] + 1]);
      }
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var from = spans.length ? Math.max(0, spans[0][0] - 40) : 0;
    var to = Math.min(text.length, from + 160);
    var out = from > 0 ? '…' : '', cursor = from;
    spans.forEach(function (s) {
      if (s[0] < cursor || s[1] > to) return;
      out += escapeHtml(text.substring(cursor, s[0])) + '<mark>' + escapeHtml(text.substring(s[0], s[1])) + '</mark>';
      cursor = s[1];
    });
    return out + escapeHtml(text.substring(cursor, to)) + (to < text.length ? '…' : '');
  }

  function render(query) {
    var found = search(query);
    results.innerHTML = '';
    results.hidden = false;
    if (!found.length) {
      var none = document.createElement('li');
      none.className = 'search-none';
      none.textContent = '見つかりませんでした（No results）';
      results.appendChild(none);
      return;
    }
    found.forEach(function (hit) {
      var doc = index.docs[hit.doc];
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = root + doc[0];
      link.innerHTML = '<span class="search-title">' + escapeHtml(doc[1]) + '</span>'
        + (doc[2] ? '<span class="search-section"> › ' + escapeHtml(doc[2]) + '</span>' : '')
        + '<span class="search-snippet">' + snippet(doc[3], query) + '</span>';
      item.appendChild(link);
      results.appendChild(item);
    });
  }

  var pending = null;
  input.addEventListener('input', function () {
    clearTimeout(pending);
    var query = input.value.trim();
    if (!query) { results.hidden = true; results.innerHTML = ''; return; }
    pending = setTimeout(function () { load().then(function () { render(query); }); }, 120);
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown') {
      var first = results.querySelector('a');
      if (first) { first.focus(); event.preventDefault(); }
    } else if (event.key === 'Escape') {
      results.hidden = true;
    } else if (event.key === 'Enter') {
      var top = results.querySelector('a');
      if (top) { window.location.href = top.href; event.preventDefault(); }
    }
  });
  results.addEventListener('keydown', function (event) {
    var links = Array.prototype.slice.call(results.querySelectorAll('a'));
    var at = links.indexOf(document.activeElement);
    if (event.key === 'ArrowDown' && at < links.length - 1) { links[at + 1].focus(); event.preventDefault(); }
    if (event.key === 'ArrowUp') { (at > 0 ? links[at - 1] : input).focus(); event.preventDefault(); }
    if (event.key === 'Escape') { results.hidden = true; input.focus(); }
  });
})();
