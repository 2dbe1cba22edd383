// On a phone the lists (table.table-cards) show each row as a card (site.css); each cell is labelled with its column's
// heading, copied here from the table's head so the pages need not repeat it. Results htmx swaps in are labelled too.
(function () {
    function label(root) {
        root.querySelectorAll('table.table-cards').forEach(function (table) {
            var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
                var copy = th.cloneNode(true);
                copy.querySelectorAll('.visually-hidden, .fw-normal').forEach(function (n) { n.remove(); });
                return copy.textContent.replace(/\s+/g, ' ').trim();
            });
            table.querySelectorAll('tbody tr').forEach(function (tr) {
                var column = 0;
                Array.prototype.forEach.call(tr.children, function (td) {
                    if (!td.hasAttribute('data-label') && heads[column]) td.setAttribute('data-label', heads[column]);
                    column += td.colSpan || 1;
                });
            });
        });
    }
    document.addEventListener('DOMContentLoaded', function () { label(document); });
    document.addEventListener('htmx:afterSettle', function (e) { label(e.detail.elt || document); });
})();
