// The territory map: boundaries are the map (no tile server). Departments first; a click opens
// the department's municipalities (or districts' municipalities in El Salvador); a click on one
// of those opens its page.
(function () {
  'use strict';
  var el = document.getElementById('map');
  if (!el || !window.L) { return; }
  var country = el.dataset.country, at = el.dataset.at, api = el.dataset.api, unitUrl = el.dataset.unit;
  var status = document.getElementById('map-status');
  var map = L.map(el, { zoomSnap: 0.25, attributionControl: false });
  var layer = null;
  var style = { color: '#124c37', weight: 1, fillColor: '#1b6e4f', fillOpacity: 0.15 };
  var hover = { weight: 3, fillOpacity: 0.35 };

  function url(params) {
    var q = new URLSearchParams(params);
    q.set('country', country); q.set('at', at); q.set('simplify', '0.002');
    return api + '?' + q.toString();
  }

  function show(geojson, onClick) {
    if (layer) { map.removeLayer(layer); }
    layer = L.geoJSON(geojson, {
      style: function () { return style; },
      onEachFeature: function (feature, shape) {
        shape.bindTooltip(document.createTextNode(String(feature.properties.name)), { sticky: true });
        shape.on('mouseover', function () { shape.setStyle(hover); });
        shape.on('mouseout', function () { layer.resetStyle(shape); });
        shape.on('click', function () { onClick(feature.properties); });
        // Keyboard users reach every unit: each path is focusable and opens with Enter.
        shape.on('add', function () {
          var path = shape.getElement && shape.getElement();
          if (path) {
            path.setAttribute('tabindex', '0');
            path.setAttribute('role', 'button');
            path.setAttribute('aria-label', feature.properties.name);
            path.setAttribute('data-code', feature.properties.code);
            path.addEventListener('keydown', function (e) { if (e.key === 'Enter') { onClick(feature.properties); } });
          }
        });
      }
    }).addTo(map);
    if (geojson.features.length) { map.fitBounds(layer.getBounds()); }
  }

  function load(params, onClick, message) {
    fetch(url(params), { headers: { 'Accept': 'application/geo+json' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (geojson) {
        if (!geojson.features.length) { status.textContent = el.dataset.empty; return; }
        show(geojson, onClick);
        status.textContent = message;
      })
      .catch(function () { status.textContent = el.dataset.empty; });
  }

  function departments() {
    load({ level: 'DEPARTMENT' }, function (dept) {
      var level = country === 'SV' ? 'MUNICIPALITY' : 'MUNICIPALITY';
      load({ level: level, parent: dept.code }, function (unit) {
        window.location.href = unitUrl + country + '/' + unit.code + '?at=' + at;
      }, dept.name);
      backButton(true);
    }, status.textContent);
    backButton(false);
  }

  var back = null;
  function backButton(visible) {
    if (!back) {
      back = document.createElement('button');
      back.type = 'button';
      back.className = 'secondary';
      back.textContent = el.dataset.back;
      back.addEventListener('click', departments);
      el.parentNode.insertBefore(back, el);
    }
    back.hidden = !visible;
  }

  departments();
}());
