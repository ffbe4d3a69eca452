/** A dependency-free API reference page: it reads the OpenAPI document in the browser. */
export function renderApiDocsPage(specUrl: string, nonce: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>MegiLance API reference</title><link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style nonce="${nonce}">
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:960px;padding:1.5rem;color:#0f172a;background:#fff;overflow-wrap:anywhere}
@media (prefers-color-scheme:dark){body{color:#e2e8f0;background:#0b1120}code,pre{background:#1e293b!important}}
h1{font-size:1.6rem}h2{margin-top:2rem;font-size:1.2rem;text-transform:capitalize}
details{border:1px solid #94a3b855;border-radius:.5rem;margin:.5rem 0;padding:.5rem .75rem}
summary{cursor:pointer}code,pre{background:#f1f5f9;border-radius:.25rem;padding:.1rem .3rem}
pre{padding:.75rem;overflow:auto}.m{display:inline-block;min-width:4.5rem;font-weight:700}
</style></head>
<body><h1>MegiLance API reference</h1>
<p>Machine-readable document: <a href="${specUrl}"><code>${specUrl}</code></a>. Errors are
<code>{"error": {"code", "message", "fields"}}</code>; lists are <code>{"items", "nextCursor"}</code>.</p>
<main id="ops" aria-live="polite">Loading…</main>
<script nonce="${nonce}">
fetch(${JSON.stringify(specUrl)}).then(r=>r.json()).then(spec=>{
  const byTag={};
  for(const [path,ops] of Object.entries(spec.paths||{}))for(const [method,op] of Object.entries(ops)){
    const tag=(op.tags&&op.tags[0])||'other';(byTag[tag]??=[]).push({path,method,op});}
  const el=document.getElementById('ops');el.textContent='';
  for(const [tag,list] of Object.entries(byTag)){
    const h=document.createElement('h2');h.textContent=tag;el.append(h);
    for(const {path,method,op} of list){
      const d=document.createElement('details');const s=document.createElement('summary');
      const m=document.createElement('span');m.className='m';m.textContent=method.toUpperCase();
      const p=document.createElement('code');p.textContent=path;
      s.append(m,p,document.createTextNode(' '+(op.summary||'')));d.append(s);
      const pre=document.createElement('pre');pre.textContent=JSON.stringify({parameters:op.parameters,requestBody:op.requestBody,responses:op.responses},null,2);
      d.append(pre);el.append(d);}
  }
}).catch(e=>{document.getElementById('ops').textContent='Could not load the API document: '+e.message;});
</script></body></html>`;
}
