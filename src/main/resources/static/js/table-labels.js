// On a phone every table in main reads as one card per row (minga.css, at 40rem or less), and each
// cell says which column it is with "label: value". The labels are the columns' own header texts,
// copied here into data-label so that no template repeats them; htmx's swapped fragments get theirs too.
// A table with class "grid" stays a table (it scrolls in its wrapper) and is left alone.
(function () {
  function columnNames(table) {
    var head = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    var names = [];
    if (head) {
      Array.prototype.forEach.call(head.cells, function (cell) {
        for (var i = 0; i < cell.colSpan; i++) {
          names.push(cell.textContent.replace(/\s+/g, ' ').trim());
        }
      });
    }
    return names;
  }

  function label(table) {
    var names = columnNames(table);
    if (names.length === 0) {
      return;
    }
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        var column = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          // A cell spanning columns (an empty table's note) belongs to none of them.
          if (cell.tagName === 'TD' && cell.colSpan === 1 && names[column] && !cell.hasAttribute('data-label')) {
            cell.setAttribute('data-label', names[column]);
          }
          column += cell.colSpan;
        });
      });
    });
  }

  function labelAll() {
    document.querySelectorAll('main table:not(.grid)').forEach(label);
  }

  labelAll();
  document.addEventListener('htmx:load', labelAll);
})();
