/** The serverless website's pages. The page calls the API with XMLHttpRequest, as the source notes insist. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function indexPage(title: string, apiUrl: string | null): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#0f172a}pre{background:#f1f5f9;padding:1rem;border-radius:.5rem;white-space:pre-wrap}button{font-size:1rem;padding:.4rem .9rem}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>This page is served by Amazon S3. The button calls the HTTP API, which runs a Lambda function.</p>
<button id="call" type="button">Call the API</button>
<p>API: <code id="api">${apiUrl ? escapeHtml(apiUrl) : 'not deployed yet'}</code></p>
<pre id="answer" aria-live="polite">No answer yet.</pre>
<script>
var API_URL = ${JSON.stringify(apiUrl)};
document.getElementById('call').addEventListener('click', function () {
  var answer = document.getElementById('answer');
  if (!API_URL) { answer.textContent = 'The API URL is not known yet: deploy the stack with Eventform.'; return; }
  var request = new XMLHttpRequest();
  request.open('GET', API_URL);
  request.onload = function () { answer.textContent = request.status + ' ' + request.responseText; };
  request.onerror = function () { answer.textContent = 'The API could not be reached.'; };
  request.send();
});
</script>
</body>
</html>
`;
}

export function errorPage(title: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Not found · ${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto">
<h1>Page not found</h1>
<p><a href="index.html">Back to ${escapeHtml(title)}</a></p>
</body>
</html>
`;
}
