// A project's location drawn on a map of the scheme's members: a point, a line or a polygon, written
// as GeoJSON into the form's location field (the "Avanzado: GeoJSON" textarea), which stays the one
// field the server reads. No drawing plugin: none resolves from Maven Central, and this is all we need.
// Without JavaScript the map and its buttons stay hidden and the field is typed.
(function () {
  'use strict';
  var NAMES = { Point: 'Point', LineString: 'LineString', Polygon: 'Polygon' };
  var STYLE = { color: '#8a3b12', weight: 3, fillOpacity: 0.3, className: 'drawn-location' };

  function format(text, args) {
    return text.replace(/\{(\d)\}/g, function (m, i) { return String(args[Number(i)]); });
  }

  function round(n) { return Math.round(n * 1e6) / 1e6; }

  function init(el) {
    if (el.dataset.ready || !window.L) { return; }
    el.dataset.ready = 'true';
    var form = el.closest('form');
    var field = form.querySelector('textarea[name=location]');
    var tools = form.querySelector('.draw-tools');
    var status = form.querySelector('#location-status');
    var buttons = tools.querySelectorAll('button[data-draw]');
    el.hidden = false;
    tools.hidden = false;

    var map = L.map(el, { zoomSnap: 0.25, attributionControl: false, doubleClickZoom: false })
      .setView([6, -75], 5);
    var drawn = L.featureGroup().addTo(map);
    var mode = null;
    var vertices = [];

    function label(kind) {
      var b = tools.querySelector('button[data-draw="' + kind + '"]');
      return b ? b.textContent.trim() : kind;
    }

    function press(kind) {
      Array.prototype.forEach.call(buttons, function (b) {
        if (NAMES[b.dataset.draw]) { b.setAttribute('aria-pressed', String(b.dataset.draw === kind)); }
      });
    }

    function show(geometry) {
      drawn.clearLayers();
      if (geometry) {
        L.geoJSON(geometry, {
          style: function () { return STYLE; },
          pointToLayer: function (f, latlng) { return L.circleMarker(latlng, Object.assign({ radius: 8 }, STYLE)); }
        }).addTo(drawn);
      }
    }

    function preview() {
      drawn.clearLayers();
      vertices.forEach(function (v) { L.circleMarker(v, { radius: 4, color: STYLE.color }).addTo(drawn); });
      if (vertices.length > 1) { L.polyline(vertices, STYLE).addTo(drawn); }
      status.textContent = format(el.dataset.drawing, [label(mode), vertices.length]);
    }

    function geometry(kind, points) {
      var coords = points.map(function (p) { return [round(p.lng), round(p.lat)]; });
      if (kind === 'Point') { return { type: 'Point', coordinates: coords[0] }; }
      if (kind === 'LineString') { return { type: 'LineString', coordinates: coords }; }
      return { type: 'Polygon', coordinates: [coords.concat([coords[0]])] };
    }

    function finish() {
      if (!mode) { return; }
      var needed = mode === 'Polygon' ? 3 : mode === 'LineString' ? 2 : 1;
      if (vertices.length < needed) { status.textContent = el.dataset.few; return; }
      var g = geometry(mode, vertices);
      field.value = JSON.stringify(g);
      show(g);
      el.setAttribute('data-shape', g.type);
      status.textContent = mode === 'Point' ? el.dataset.drawnPoint
        : format(el.dataset.drawn, [label(mode).toLowerCase(), vertices.length]);
      mode = null;
      vertices = [];
      press(null);
    }

    function add(latlng) {
      if (!mode) { return; }
      var last = vertices[vertices.length - 1];
      // The two clicks of a double click land on one spot: one vertex, not two.
      if (last && map.latLngToContainerPoint(last).distanceTo(map.latLngToContainerPoint(latlng)) < 3) { return; }
      vertices.push(latlng);
      if (mode === 'Point') { finish(); } else { preview(); }
    }

    function start(kind) {
      mode = kind;
      vertices = [];
      press(kind);
      preview();
    }

    function clear() {
      mode = null;
      vertices = [];
      press(null);
      field.value = '';
      show(null);
      el.removeAttribute('data-shape');
      status.textContent = el.dataset.cleared;
    }

    // A location typed (or kept from a refused submit) in the advanced field shows on the map.
    function fromField() {
      var g = null;
      try { g = field.value.trim() ? JSON.parse(field.value) : null; } catch (e) { g = null; }
      if (g && NAMES[g.type]) {
        try { show(g); } catch (e) { show(null); return; }
        if (drawn.getLayers().length) { map.fitBounds(drawn.getBounds(), { maxZoom: 12 }); }
      }
    }

    Array.prototype.forEach.call(buttons, function (b) {
      b.addEventListener('click', function () {
        var kind = b.dataset.draw;
        if (kind === 'finish') { finish(); } else if (kind === 'clear') { clear(); } else { start(kind); }
      });
    });
    map.on('click', function (e) { add(e.latlng); });
    map.on('dblclick', function () { finish(); });
    el.addEventListener('keydown', function (e) {
      if (mode && (e.key === 'Enter' || e.key === ' ') && e.target === el) {
        e.preventDefault();
        add(map.getCenter());
      }
    });
    field.addEventListener('change', fromField);

    fetch(el.dataset.api, { headers: { 'Accept': 'application/geo+json' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (data) {
        var members = L.geoJSON({ type: 'FeatureCollection', features: data.features }, {
          interactive: false,
          style: function () { return { color: '#124c37', weight: 1, fillColor: '#1b6e4f', fillOpacity: 0.15 }; }
        }).addTo(map);
        members.bringToBack();
        if (data.features.length) { map.fitBounds(members.getBounds()); }
        fromField();
        el.setAttribute('data-loaded', String(data.features.length));
      })
      .catch(function () { status.textContent = el.dataset.error; });
  }

  function scan(root) {
    var el = root.querySelector && root.querySelector('#location-map');
    if (el) { init(el); }
  }

  scan(document);
  // A form refused by the server comes back through htmx with a new map to set up.
  document.addEventListener('htmx:load', function (e) { scan(e.detail.elt.parentNode || e.detail.elt); });
}());
