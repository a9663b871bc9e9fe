// The placement picture's script, inlined into the page: it reads the embedded Explanation JSON and
// lays it out. Plain DOM and SVG, no library: a grid of cells and one bar chart need none.

export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var doc = JSON.parse(document.getElementById('explanation').textContent);
  var page = document.getElementById('page');
  var p = doc.placement;
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function el(tag, attrs, html) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (html !== undefined) e.innerHTML = html;
    return e;
  }
  function pct(x) { return Math.round(x * 100) + '%'; }
  page.innerHTML = '';
  page.appendChild(el('h1', {}, esc(doc.target.kind + ' ' + doc.target.namespace + '/' + doc.target.name)));

  // Verdict and fix first: what the reader came for.
  var verdict = el('section', { 'class': 'verdict' + (doc.broken ? ' broken' : ''), id: 'verdict', 'aria-label': 'verdict' });
  verdict.innerHTML = doc.broken
    ? '<p><strong>Broken link: ' + esc(doc.broken.link) + '</strong> — ' + esc(doc.broken.summary) + '</p>' +
      (doc.broken.fix ? '<p class="fix">Fix: ' + esc(doc.broken.fix) + '</p>' : '')
    : '<p><strong>Every link holds.</strong></p>';
  if (p && p.hint && (!doc.broken || doc.broken.fix !== p.hint)) verdict.innerHTML += '<p>' + esc(p.hint) + '</p>';
  page.appendChild(verdict);

  var summary = el('section', { id: 'summary', 'class': 'sr-only', 'aria-label': 'text summary' });
  page.appendChild(summary);
  if (!p) { summary.textContent = 'The chain did not reach the nodes: nothing was simulated.'; page.setAttribute('aria-busy', 'false'); return; }

  var map = p.nodeMap;
  var victimsByNode = {};
  (p.victims || []).forEach(function (v) { (victimsByNode[v.node] = victimsByNode[v.node] || []).push(v); });
  var rows = {};
  ((p.topology && p.topology.domains) || []).forEach(function (d) { rows[d.domain] = d; });
  var domains = {};
  var order = [];
  map.nodes.forEach(function (n, i) {
    var key = n.domain === null ? '(no ' + map.groupBy + ' label)' : n.domain;
    if (!domains[key]) { domains[key] = []; order.push(key); }
    domains[key].push(i);
  });
  var failing = map.nodes.filter(function (n) { return n.reasons.length > 0; }).length;
  var placed = p.pods.filter(function (x) { return x.node; }).length;
  summary.textContent = 'Simulation outcome ' + p.outcome + '. ' + map.nodes.length + ' nodes in ' + order.length +
    ' domains of ' + map.groupBy + '; ' + failing + ' nodes fail a filter; ' + placed + ' of ' + p.pods.length +
    ' pods placed. ' + p.nodeReasons.map(function (r) { return r.reason + ' on ' + r.nodes + ' nodes'; }).join('; ') + '.';

  page.appendChild(el('p', {}, 'Simulation (kube-scheduler v' + esc(p.kubeVersion) + '): <strong>' + esc(p.outcome) + '</strong> ' + esc(p.message)));
  if (p.preemption) page.appendChild(el('p', { id: 'preemption' }, 'Preemption: ' + esc(p.preemption)));

  // Topology blocks.
  page.appendChild(el('h2', {}, 'Nodes by ' + esc(map.groupBy) + ' (colour: free share of ' + esc(map.resource) + ')'));
  page.appendChild(el('div', { 'class': 'legend', 'aria-hidden': 'true' },
    '<span><span class="cell" style="background:' + colour(1) + '"></span>all free</span>' +
    '<span><span class="cell" style="background:' + colour(0) + '"></span>none free</span>' +
    '<span><span class="cell" style="background:' + colour(null) + '"></span>has no ' + esc(map.resource) + '</span>' +
    '<span><span class="cell fail" style="background:#fff"></span>fails a filter (striped)</span>' +
    '<span><span class="cell member" style="background:#fff"></span>member placed</span>' +
    '<span><span class="cell victim" style="background:#fff"></span>preemption victim</span>'));
  var detail = el('div', { id: 'detail', role: 'status', 'aria-live': 'polite' }, 'Hover or focus a node for its details (Tab to a domain, then arrow keys).');
  var grid = el('div', { 'class': 'domains', id: 'domains' });
  function colour(free) { if (free === null) return '#d0d7de'; return 'hsl(' + Math.round(free * 120) + ', 70%, ' + (45 + Math.round(free * 15)) + '%)'; }
  order.forEach(function (key) {
    var idx = domains[key];
    var row = rows[key];
    var members = idx.reduce(function (s, i) { return s + map.nodes[i].members.length; }, 0);
    var tags = '';
    if (row && members > 0 && p.outcome === 'Scheduled') tags += '<span class="tag chosen">chosen</span>';
    if (row && row.podsFit < row.podsNeeded) tags += '<span class="tag infeasible">infeasible</span>';
    var label = key + ': ' + idx.length + ' nodes' + (row ? ', ' + row.podsFit + ' of ' + row.podsNeeded + ' pods fit' : '') +
      (members ? ', ' + members + ' members placed' : '');
    var block = el('section', { 'class': 'domain', tabindex: '0', role: 'group', 'aria-label': label, 'data-domain': key });
    var cells = '';
    idx.forEach(function (i) {
      var n = map.nodes[i];
      var cls = 'cell' + (n.reasons.length ? ' fail' : '') + (n.members.length ? ' member' : '') + (victimsByNode[n.name] ? ' victim' : '');
      cells += '<span class="' + cls + '" tabindex="-1" role="img" data-node="' + i + '" aria-label="' + esc(n.name) + '" style="background-color:' + colour(n.free) + '"></span>';
    });
    block.innerHTML = '<header><strong>' + esc(key) + '</strong> · ' + idx.length + ' nodes' +
      (row ? ' · ' + row.podsFit + '/' + row.podsNeeded + ' pods fit' : '') + tags + '</header><div class="cells">' + cells + '</div>';
    grid.appendChild(block);
  });
  page.appendChild(grid);
  page.appendChild(detail);

  function describe(i) {
    var n = map.nodes[i];
    var lines = [n.name + ' (' + map.groupBy + ' ' + (n.domain === null ? 'none' : n.domain) + ')',
      n.free === null ? 'no ' + map.resource + ' on this node' : 'free ' + map.resource + ': ' + pct(n.free),
      n.reasons.length ? 'fails: ' + n.reasons.join('; ') : 'passes every filter'];
    if (n.members.length) lines.push('members: ' + n.members.join(', '));
    (victimsByNode[n.name] || []).forEach(function (v) {
      lines.push('would evict ' + v.namespace + '/' + v.name + ' (priority ' + v.priority + (v.podGroup ? ', PodGroup ' + v.podGroup : '') + ')');
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

  // FitError breakdown: filter reasons by node count.
  page.appendChild(el('h2', {}, 'Filter reasons by node count'));
  var max = p.nodeReasons.reduce(function (m, r) { return Math.max(m, r.nodes); }, 1);
  var barH = 22, width = 700, labelW = 330;
  var svg = '<svg id="reasons" role="img" aria-label="filter reasons by node count" width="' + width + '" height="' + (barH * p.nodeReasons.length + 4) + '">';
  p.nodeReasons.forEach(function (r, k) {
    var w = Math.max(1, Math.round((width - labelW - 60) * r.nodes / max));
    svg += '<g class="bar" data-reason="' + esc(r.reason) + '" data-count="' + r.nodes + '"><title>' + esc(r.reason) + ': ' + r.nodes + ' nodes</title>' +
      '<text x="0" y="' + (k * barH + 15) + '">' + esc(r.reason.length > 48 ? r.reason.slice(0, 47) + '…' : r.reason) + '</text>' +
      '<rect x="' + labelW + '" y="' + (k * barH + 3) + '" width="' + w + '" height="' + (barH - 6) + '" fill="#cf222e"></rect>' +
      '<text x="' + (labelW + w + 6) + '" y="' + (k * barH + 15) + '">' + r.nodes + '</text></g>';
  });
  svg += '</svg>';
  page.appendChild(el('div', {}, p.nodeReasons.length ? svg : '<p>No node failed a filter.</p>'));

  if (p.victims && p.victims.length) {
    page.appendChild(el('h2', {}, 'Preemption victims'));
    page.appendChild(el('table', { id: 'victims' }, '<tr><th>Pod</th><th>Node</th><th>Priority</th><th>PodGroup</th></tr>' +
      p.victims.map(function (v) { return '<tr><td>' + esc(v.namespace + '/' + v.name) + '</td><td>' + esc(v.node) + '</td><td>' + v.priority + '</td><td>' + esc(v.podGroup || '—') + '</td></tr>'; }).join('')));
  }
  page.setAttribute('aria-busy', 'false');
  page.setAttribute('data-rendered', 'true');
})();
`;
