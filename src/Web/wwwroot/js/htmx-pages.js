// The list pages swap their results in place with htmx. What htmx would otherwise leave silent:
// - a request under way marks its results busy (the stylesheet dims them);
// - an answer it would not swap (a 404, 429 or 5xx): a GET becomes an ordinary page load of the same address, a POST
//   (a decision) shows the app's status page message in place of the page's content;
// - no answer at all (no network) to a GET: an ordinary page load, so the browser says what is wrong.
// (A refused filter, 400 to a GET, is swapped like a 200: its messages are in the results; see the layout's htmx-config.)
function isGet(detail) {
    return detail.requestConfig && detail.requestConfig.verb === 'get';
}
function loadWhole(detail) {
    var path = detail.pathInfo && (detail.pathInfo.finalRequestPath || detail.pathInfo.requestPath);
    if (path) window.location.assign(path);
}
document.addEventListener('htmx:beforeRequest', function (e) {
    if (e.detail.target) e.detail.target.setAttribute('aria-busy', 'true');
});
document.addEventListener('htmx:beforeSwap', function (e) {
    var d = e.detail;
    var refused = d.xhr.status >= 400 && !(d.xhr.status === 400 && isGet(d));
    if (!refused) return;
    if (isGet(d)) {
        d.shouldSwap = false;
        loadWhole(d);
        return;
    }
    var main = document.querySelector('main');
    if (!main) return;
    d.shouldSwap = true;
    d.isError = false;
    d.target = main;
    d.selectOverride = 'main';
    d.swapOverride = 'outerHTML';
});
document.addEventListener('htmx:sendError', function (e) {
    if (isGet(e.detail)) loadWhole(e.detail);
});
