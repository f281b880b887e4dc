// Territorial issues on a map. Two uses of one element:
//  - data-markers: the public map; published issues in the viewport, clustered by the server.
//  - data-pick: the report form; a click sets the fields named by data-lat-field and data-lon-field.
// The base is the scheme's member boundaries (data-base), or a plain world extent: no tile server,
// so it works on a slow connection.
(function () {
  'use strict';
  var el = document.getElementById('issue-map');
  if (!el || !window.L) { return; }
  var status = document.getElementById('map-status');
  var map = L.map(el, { zoomSnap: 0.25, attributionControl: false });
  map.setView([4.6, -74.1], 5);
  var markers = L.layerGroup().addTo(map);

  function loadBase() {
    if (!el.dataset.base) { return Promise.resolve(); }
    return fetch(el.dataset.base, { headers: { 'Accept': 'application/geo+json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data || !data.features || !data.features.length) { return; }
        var base = L.geoJSON(data, {
          style: function () { return { color: '#124c37', weight: 1, fillColor: '#1b6e4f', fillOpacity: 0.12 }; },
          onEachFeature: function (f, shape) { shape.bindTooltip(document.createTextNode(String(f.properties.name)), { sticky: true }); }
        }).addTo(map);
        map.fitBounds(base.getBounds());
      });
  }

  function refresh() {
    var b = map.getBounds();
    var url = el.dataset.markers + (el.dataset.markers.indexOf('?') < 0 ? '?' : '&')
      + 'west=' + Math.max(-180, b.getWest()) + '&south=' + Math.max(-90, b.getSouth())
      + '&east=' + Math.min(180, b.getEast()) + '&north=' + Math.min(90, b.getNorth());
    fetch(url).then(function (r) { return r.json(); }).then(function (list) {
      markers.clearLayers();
      list.forEach(function (m) {
        if (m.count === 1) {
          var dot = L.circleMarker([m.lat, m.lon], { radius: 8, color: '#8a3b12', weight: 2, fillOpacity: 0.7,
            className: 'issue-marker' });
          dot.bindTooltip(document.createTextNode(String(m.title)));  // a text node: a title is text, never HTML
          dot.on('click', function () { window.location.href = el.dataset.issue + m.id; });
          markers.addLayer(dot);
        } else {
          var size = 24 + Math.min(24, Math.round(Math.log(m.count) * 4));
          markers.addLayer(L.marker([m.lat, m.lon], { icon: L.divIcon({ className: 'issue-cluster',
            html: '<span>' + m.count + '</span>', iconSize: [size, size] }), title: m.count + ' problemáticas' })
            .on('click', function () { map.setView([m.lat, m.lon], map.getZoom() + 2); }));
        }
      });
      el.setAttribute('data-loaded', String(list.length));
    }).catch(function () { status.textContent = el.dataset.error; });
  }

  function pick() {
    var lat = document.getElementById(el.dataset.latField);
    var lon = document.getElementById(el.dataset.lonField);
    var chosen = null;
    function place(latlng) {
      if (chosen) { markers.removeLayer(chosen); }
      chosen = L.circleMarker(latlng, { radius: 9, color: '#8a3b12', weight: 3, className: 'issue-chosen' });
      markers.addLayer(chosen);
    }
    if (lat.value && lon.value) { place([parseFloat(lat.value), parseFloat(lon.value)]); }
    map.on('click', function (e) {
      lat.value = e.latlng.lat.toFixed(6);
      lon.value = e.latlng.lng.toFixed(6);
      place(e.latlng);
      status.textContent = el.dataset.picked + ' ' + lat.value + ', ' + lon.value;
    });
    el.setAttribute('data-loaded', 'pick');
  }

  loadBase().finally(function () {
    if (el.dataset.markers) { map.on('moveend', refresh); refresh(); }
    if (el.dataset.pick) { pick(); }
  });
}());
