// The placement picture's script, inlined into the page: it reads the embedded page model
// (./model.ts) and lays it out. Plain DOM and SVG, no library: a grid of cells, one bar chart and
// three tables need none. With several gangs (simulate) a selector redraws the gang's view; the
// node cells keep their place and only their member and victim marks change.

export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var m = JSON.parse(document.getElementById('picture').textContent);
  var page = document.getElementById('page');
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function el(tag, attrs, html) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (html !== undefined) e.innerHTML = html;
    return e;
  }
  function pct(x) { return Math.round(x * 100) + '%'; }
  // Free share in tenths: one class per tenth (style.ts), not a style attribute per cell.
  function shade(free) { return free === null ? 'fn' : 'f' + Math.round(free * 10); }
  function freeText(free) { return Object.keys(free).map(function (r) { return free[r] + ' ' + r; }).join(', '); }
  page.innerHTML = '';
  page.appendChild(el('h1', {}, esc(m.title)));

  // Verdict and fix first: what the reader came for.
  var verdict = el('section', { 'class': 'verdict' + (m.broken ? ' broken' : ''), id: 'verdict', 'aria-label': 'verdict' },
    '<p><strong>' + esc(m.verdict) + '</strong></p>' + (m.fix ? '<p class="fix">Fix: ' + esc(m.fix) + '</p>' : '') +
    (m.details.length ? '<pre id="what-if">' + esc(m.details.join('\n')) + '</pre>' : ''));
  page.appendChild(verdict);
  var summary = el('section', { id: 'summary', 'class': 'sr-only', 'aria-label': 'text summary' });
  page.appendChild(summary);
  page.appendChild(el('p', { id: 'run' }, esc(m.run)));
  if (m.groups.length === 0) { summary.textContent = m.run; finish(); return; }

  var domainOf = new Array(m.nodes.length);
  m.domains.forEach(function (d, k) { for (var i = d.first; i < d.first + d.count; i++) domainOf[i] = k; });
  var failing = m.nodes.filter(function (n) { return n.reasons.length > 0; }).length;

  var select = null;
  if (m.groups.length > 1) {
    var label = el('label', { 'for': 'group' }, 'PodGroup: ');
    select = el('select', { id: 'group' }, m.groups.map(function (g, k) {
      return '<option value="' + k + '">' + esc(g.id + ' (' + g.outcome + ')') + '</option>';
    }).join(''));
    label.appendChild(select);
    page.appendChild(el('p', {}, '')).appendChild(label);
  }
  var top = el('div', { id: 'view-top' });
  page.appendChild(top);

  // The cells: drawn once, marked per gang. 38 cells of 11 px fit the 420 px row of style.ts.
  var CELL = 11, CELLS_PER_ROW = 38;
  var grid = el('div', { 'class': 'domains', id: 'domains' });
  var headers = [];
  m.domains.forEach(function (d) {
    var cells = '';
    for (var i = d.first; i < d.first + d.count; i++) {
      var n = m.nodes[i];
      cells += '<span class="cell ' + shade(n.free) + (n.reasons.length ? ' fail' : '') + '" tabindex="-1" role="img" data-node="' + i + '" aria-label="' + esc(n.name) + '"></span>';
    }
    // Off-screen blocks are skipped by layout and paint (content-visibility); this is their size meanwhile.
    var size = 'contain-intrinsic-size: auto ' + Math.min(CELLS_PER_ROW, d.count) * CELL + 'px auto ' + (Math.ceil(d.count / CELLS_PER_ROW) * CELL + 24) + 'px';
    var block = el('section', { 'class': 'domain', tabindex: '0', role: 'group', 'data-domain': d.name, style: size },
      '<header></header><div class="cells">' + cells + '</div>');
    headers.push(block.firstChild);
    grid.appendChild(block);
  });
  var detail = el('div', { id: 'detail', role: 'status', 'aria-live': 'polite' }, 'Hover or focus a node for its details (Tab to a domain, then arrow keys).');
  // The grid stays in place when another gang is drawn: only the views above and below it change.
  page.appendChild(el('h2', {}, 'Nodes by ' + esc(m.groupBy) + ' (colour: free share of ' + esc(m.resource) + ')'));
  page.appendChild(el('div', { 'class': 'legend', 'aria-hidden': 'true' },
    '<span><span class="cell f10"></span>all free</span>' +
    '<span><span class="cell f0"></span>none free (barred)</span>' +
    '<span><span class="cell fn"></span>has no ' + esc(m.resource) + '</span>' +
    '<span><span class="cell blank fail"></span>fails a filter (striped)</span>' +
    '<span><span class="cell blank member"></span>member placed</span>' +
    '<span><span class="cell blank victim"></span>preemption victim</span>'));
  page.appendChild(grid);
  page.appendChild(detail);
  var view = el('div', { id: 'view' });
  page.appendChild(view);
  var group = m.groups[0];
  var membersOf = {};
  var victimsOf = {};

  function describe(i) {
    var n = m.nodes[i];
    var lines = [n.name + ' (' + m.groupBy + ' ' + m.domains[domainOf[i]].name + ')',
      n.free === null ? 'no ' + m.resource + ' on this node' : 'free ' + m.resource + ': ' + pct(n.free),
      n.reasons.length ? 'fails: ' + n.reasons.map(function (r) { return m.reasons[r]; }).join('; ') : 'passes every filter'];
    if (membersOf[i]) lines.push('members: ' + membersOf[i].join(', '));
    (victimsOf[i] || []).forEach(function (v) {
      lines.push('would evict ' + v.pod + ' (priority ' + v.priority + (v.podGroup ? ', PodGroup ' + v.podGroup : '') + ')');
    });
    return lines.join('\n');
  }
  function show(target) {
    var i = target && target.getAttribute && target.getAttribute('data-node');
    if (i !== null && i !== undefined && i !== '') detail.textContent = describe(Number(i));
  }
  grid.addEventListener('mouseover', function (e) { show(e.target); });
  grid.addEventListener('focusin', function (e) { show(e.target); });
  grid.addEventListener('keydown', function (e) {
    var t = e.target;
    var block = t.closest('.domain');
    var cells = block.querySelectorAll('.cell');
    var at = t.classList.contains('cell') ? Array.prototype.indexOf.call(cells, t) : -1;
    var step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (e.key === 'Enter' && at < 0) step = 1;
    if (e.key === 'Escape' && at >= 0) { block.focus(); e.preventDefault(); return; }
    if (!step) return;
    var next = cells[Math.min(cells.length - 1, Math.max(0, at + step))];
    if (next) { next.focus(); e.preventDefault(); }
  });

  function verdictTag(v) {
    if (!v) return '';
    return '<span class="tag ' + v.state + '"' + (v.scoreParts ? ' title="' + esc(v.scoreParts) + '"' : '') + '>' + v.state +
      (v.score !== null ? ' · score ' + v.score : '') + '</span>';
  }
  function fitText(v) { return v && v.podsFit !== null ? v.podsFit + '/' + v.podsNeeded + ' pods fit' : ''; }

  // Cells are in node order: domains are runs of consecutive nodes.
  var cellAt = grid.querySelectorAll('.cell');
  var marked = { member: [], victim: [] };
  function mark(cls, byNode) {
    marked[cls].forEach(function (i) { cellAt[i].classList.remove(cls); });
    marked[cls] = Object.keys(byNode);
    marked[cls].forEach(function (i) { cellAt[i].classList.add(cls); });
  }

  function draw(k) {
    group = m.groups[k];
    membersOf = {};
    victimsOf = {};
    var membersIn = {};
    group.pods.forEach(function (p) {
      if (p.node === null) return;
      (membersOf[p.node] = membersOf[p.node] || []).push(p.name);
      var d = domainOf[p.node];
      (membersIn[d] = membersIn[d] || []).push(p.name);
    });
    group.victims.forEach(function (v) { if (v.node !== null) (victimsOf[v.node] = victimsOf[v.node] || []).push(v); });
    mark('member', membersOf);
    mark('victim', victimsOf);
    var placed = group.pods.filter(function (p) { return p.node !== null; }).length;
    summary.textContent = group.id + ': ' + group.outcome + '. ' + m.nodes.length + ' nodes in ' + m.domains.length +
      ' domains of ' + m.groupBy + '; ' + failing + ' nodes fail a filter; ' + placed + ' of ' + group.pods.length +
      ' pods placed. ' + group.reasons.map(function (r) { return r.reason + ' on ' + r.nodes + ' nodes'; }).join('; ') + '.';

    m.domains.forEach(function (d, i) {
      var v = group.domains[d.name];
      var members = (membersIn[i] || []).length;
      headers[i].innerHTML = '<strong>' + esc(d.name) + '</strong> · ' + d.count + ' nodes' + (fitText(v) ? ' · ' + fitText(v) : '') +
        (members ? ' · ' + members + ' members' : '') + verdictTag(v);
      headers[i].parentNode.setAttribute('aria-label', d.name + ': ' + d.count + ' nodes' + (v ? ', ' + v.state + (v.score !== null ? ' with score ' + v.score : '') : '') +
        (fitText(v) ? ', ' + fitText(v) : '') + (members ? ', ' + members + ' members placed' : '') + '; free ' + freeText(d.free));
    });

    top.innerHTML = '';
    top.appendChild(el('p', { id: 'outcome' }, esc(group.id) + ': <strong>' + esc(group.outcome) + '</strong> ' + esc(group.message)));
    if (group.hint && group.hint !== m.fix) top.appendChild(el('p', { id: 'hint' }, esc(group.hint)));
    if (group.preemption) top.appendChild(el('p', { id: 'preemption' }, 'Preemption: ' + esc(group.preemption)));
    view.innerHTML = '';


    // FitError breakdown: filter reasons by node count.
    view.appendChild(el('h2', {}, 'Filter reasons by node count'));
    var max = group.reasons.reduce(function (s, r) { return Math.max(s, r.nodes); }, 1);
    var barH = 22, width = 700, labelW = 330;
    var svg = '<svg id="reasons" role="img" aria-label="filter reasons by node count" width="' + width + '" height="' + (barH * group.reasons.length + 4) + '">';
    group.reasons.forEach(function (r, i) {
      var w = Math.max(1, Math.round((width - labelW - 60) * r.nodes / max));
      svg += '<g class="bar" data-reason="' + esc(r.reason) + '" data-count="' + r.nodes + '"><title>' + esc(r.reason) + ': ' + r.nodes + ' nodes</title>' +
        '<text x="0" y="' + (i * barH + 15) + '">' + esc(r.reason.length > 48 ? r.reason.slice(0, 47) + '…' : r.reason) + '</text>' +
        '<rect x="' + labelW + '" y="' + (i * barH + 3) + '" width="' + w + '" height="' + (barH - 6) + '" fill="#cf222e"></rect>' +
        '<text x="' + (labelW + w + 6) + '" y="' + (i * barH + 15) + '">' + r.nodes + '</text></g>';
    });
    svg += '</svg>';
    view.appendChild(el('div', {}, group.reasons.length ? svg : '<p>No node failed a filter.</p>'));

    // Per domain: free resources, how the placement cycle judged it, the members placed there.
    view.appendChild(el('h2', {}, 'Domains'));
    view.appendChild(el('table', { id: 'domain-table' }, '<tr><th>' + esc(m.groupBy) + '</th><th>Nodes</th><th>Free</th><th>Placement</th><th>Pods fit</th><th>Members placed</th></tr>' +
      m.domains.map(function (d, i) {
        var v = group.domains[d.name];
        var names = membersIn[i] || [];
        return '<tr data-domain="' + esc(d.name) + '"><td>' + esc(d.name) + '</td><td>' + d.count + '</td><td>' + esc(freeText(d.free)) + '</td><td>' +
          (v ? esc(v.state + (v.score !== null ? ', score ' + v.score + ' (' + v.scoreParts + ')' : '')) + (v.blocking ? '<br><small>' + esc(v.blocking) + '</small>' : '') : '—') +
          '</td><td>' + esc(fitText(v) || '—') + '</td><td>' +
          (names.length ? '<details><summary>' + names.length + ' pods</summary>' + esc(names.join(', ')) + '</details>' : '—') + '</td></tr>';
      }).join('')));

    // Pods alike (outcome, domain, message) share a row, as explain's text folds them: a 1,000-pod
    // gang reads as a few rows; each pod's node is in the row's list and on the cells.
    view.appendChild(el('h2', {}, 'Pods'));
    var rows = [];
    var rowOf = {};
    group.pods.forEach(function (p) {
      var domain = p.node === null ? '—' : m.domains[domainOf[p.node]].name;
      var key = JSON.stringify([p.outcome, domain, p.message || '']);
      if (!rowOf[key]) rows.push(rowOf[key] = { outcome: p.outcome, domain: domain, message: p.message || '', pods: [] });
      rowOf[key].pods.push(p.node === null ? p.name : p.name + ' on ' + m.nodes[p.node].name);
    });
    view.appendChild(el('table', { id: 'pods' }, '<tr><th>Pods</th><th>Outcome</th><th>' + esc(m.groupBy) + '</th><th>Message</th></tr>' +
      rows.map(function (r) {
        var pods = r.pods.length === 1 ? esc(r.pods[0]) : '<details><summary>' + r.pods.length + ' pods</summary>' + esc(r.pods.join(', ')) + '</details>';
        return '<tr data-pods="' + r.pods.length + '"><td>' + pods + '</td><td>' + esc(r.outcome) + '</td><td>' + esc(r.domain) + '</td><td>' + esc(r.message) + '</td></tr>';
      }).join('')));

    if (group.victims.length) {
      view.appendChild(el('h2', {}, 'Preemption victims'));
      view.appendChild(el('table', { id: 'victims' }, '<tr><th>Pod</th><th>Node</th><th>Priority</th><th>PodGroup</th></tr>' +
        group.victims.map(function (v) { return '<tr><td>' + esc(v.pod) + '</td><td>' + esc(v.nodeName) + '</td><td>' + v.priority + '</td><td>' + esc(v.podGroup || '—') + '</td></tr>'; }).join('')));
    }
  }

  // A run's first gang that did not land is what the reader looks for first.
  var start = Math.max(0, m.groups.findIndex(function (g) { return g.outcome !== 'Scheduled'; }));
  if (select) {
    select.value = String(start);
    select.addEventListener('change', function () { page.setAttribute('aria-busy', 'true'); draw(Number(select.value)); finish(); });
  }
  draw(start);
  finish();
  function finish() {
    page.setAttribute('aria-busy', 'false');
    page.setAttribute('data-rendered', 'true');
  }
})();
`;
