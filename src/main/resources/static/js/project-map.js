// A project on a map: the beneficiary units' boundaries and the project's own location on top.
// Boundaries are the map (no tile server), so it works on a slow connection.
(function () {
  'use strict';
  var el = document.getElementById('project-map');
  if (!el || !window.L) { return; }
  var map = L.map(el, { zoomSnap: 0.25, attributionControl: false });
  fetch(el.dataset.api, { headers: { 'Accept': 'application/geo+json' } })
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
    .then(function (data) {
      var layer = L.geoJSON(data, {
        style: function (f) {
          return f.properties.kind === 'location'
            ? { color: '#8a3b12', weight: 3, fillOpacity: 0.3, className: 'project-location' }
            : { color: '#124c37', weight: 1, fillColor: '#1b6e4f', fillOpacity: 0.15 };
        },
        pointToLayer: function (f, latlng) {
          return L.circleMarker(latlng, { radius: 8, color: '#8a3b12', weight: 3, fillOpacity: 0.6,
            className: 'project-location' });
        },
        onEachFeature: function (f, shape) { shape.bindTooltip(document.createTextNode(String(f.properties.name)), { sticky: true }); }
      }).addTo(map);
      if (data.features.length) { map.fitBounds(layer.getBounds(), { maxZoom: 12 }); }
      el.setAttribute('data-loaded', String(data.features.length));
    })
    .catch(function () { document.getElementById('map-status').textContent = 'No se pudo cargar el mapa.'; });
}());
