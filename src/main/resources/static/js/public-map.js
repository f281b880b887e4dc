// The national map of the public home: each scheme's perimeter (the union of its members'
// boundaries today, from the register's open data), coloured by status through CSS classes,
// linking its public profile. The list on the page holds the same schemes; this only enhances it.
(function () {
  'use strict';
  var el = document.getElementById('national-map');
  if (!el || !window.L) { return; }
  var status = document.getElementById('national-map-status');
  var map = L.map(el, { zoomSnap: 0.25, attributionControl: false }).setView([8, -78], 5);
  fetch(el.dataset.api, { headers: { 'Accept': 'application/geo+json' } })
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
    .then(function (data) {
      var drawn = data.features.filter(function (f) { return f.geometry; });
      var layer = L.geoJSON({ type: 'FeatureCollection', features: drawn }, {
        style: function (f) { return { weight: 1, fillOpacity: 0.45, className: 'scheme-status-' + f.properties.estado }; },
        onEachFeature: function (feature, shape) {
          shape.bindTooltip(document.createTextNode(String(feature.properties.nombre)), { sticky: true });
          shape.on('click', function () { window.location.href = el.dataset.profile + feature.properties.id; });
          shape.on('add', function () {
            var path = shape.getElement && shape.getElement();
            if (path) { path.setAttribute('data-scheme', feature.properties.id); }
          });
        }
      }).addTo(map);
      if (drawn.length) { map.fitBounds(layer.getBounds()); }
      el.setAttribute('data-loaded', String(drawn.length));
    })
    .catch(function () { status.textContent = el.dataset.error; });
}());
