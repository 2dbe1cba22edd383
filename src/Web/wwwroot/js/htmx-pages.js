// The filter pages swap their results in place with htmx. What htmx would otherwise leave silent:
// - a request under way marks its results busy (the stylesheet dims them);
// - an answer it does not swap (a 404, 429 or 5xx, a network failure) becomes an ordinary page load of the same
//   address, so the user sees the app's own status page instead of a button that did nothing.
// (A refused filter, 400, is swapped: its messages are in the results; see the layout's htmx-config.)
document.addEventListener('htmx:beforeRequest', function (e) {
    var target = e.detail.target;
    if (target) target.setAttribute('aria-busy', 'true');
});
function loadWhole(e) {
    var path = e.detail.pathInfo && (e.detail.pathInfo.finalRequestPath || e.detail.pathInfo.requestPath);
    if (e.detail.requestConfig && e.detail.requestConfig.verb === 'get' && path) window.location.assign(path);
}
document.addEventListener('htmx:responseError', loadWhole);
document.addEventListener('htmx:sendError', loadWhole);
