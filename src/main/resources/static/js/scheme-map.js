// A scheme's members on a map: each member's boundary, and the scheme's perimeter (the union of
// them) drawn on top. Boundaries are the map; no tile server, so it works on a slow connection.
(function () {
  'use strict';
  var el = document.getElementById('scheme-map');
  if (!el || !window.L) { return; }
  var status = document.getElementById('map-status');
  var map = L.map(el, { zoomSnap: 0.25, attributionControl: false });
  fetch(el.dataset.api, { headers: { 'Accept': 'application/geo+json' } })
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
    .then(function (data) {
      var members = L.geoJSON({ type: 'FeatureCollection', features: data.features }, {
        style: function () { return { color: '#124c37', weight: 1, fillColor: '#1b6e4f', fillOpacity: 0.2 }; },
        onEachFeature: function (feature, shape) {
          shape.bindTooltip(document.createTextNode(String(feature.properties.name)), { sticky: true });
          // The public profile's map has no unit pages to open (they need an account).
          if (el.dataset.unit) {
            shape.on('click', function () { window.location.href = el.dataset.unit + feature.properties.code; });
          }
          shape.on('add', function () {
            var path = shape.getElement && shape.getElement();
            if (path) {
              path.setAttribute('data-code', feature.properties.code);
              // A named shape: an SVG path takes a name only with a role (axe, aria-allowed-attr).
              path.setAttribute('role', 'img');
              path.setAttribute('aria-label', feature.properties.name);
            }
          });
        }
      }).addTo(map);
      if (data.outline && data.outline.type) {
        L.geoJSON(data.outline, { interactive: false,
          style: function () { return { color: '#8a3b12', weight: 3, fill: false, className: 'scheme-outline' }; } }).addTo(map);
      }
      if (data.features.length) { map.fitBounds(members.getBounds()); }
      el.setAttribute('data-loaded', String(data.features.length));
    })
    .catch(function () { status.textContent = el.dataset.error || 'No se pudo cargar el mapa.'; });
}());
