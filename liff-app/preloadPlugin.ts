import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Slow networks (issue 16): without help, a phone on 3G fetches the page, then the entry script, and only when that
 * has run does it ask for the organisation, the LIFF SDK and the page's own code — three round trips one after the
 * other before anything usable. This plugin writes into the built index.html a small inline script that, while the
 * HTML is still being parsed, starts what the first page needs at once:
 *
 * - `<link rel=modulepreload>` for the chunks of the page the URL names (its code and the code it imports), found by
 *   matching the path against the route table (src/routes.ts: each route's `pattern` and the file its `import()`
 *   loads) the way lib/router.ts matches. Not the LIFF SDK: the page is drawn before LIFF starts (lib/session.ts
 *   openSession), so the SDK loads after the page's own code instead of sharing the bandwidth with it;
 * - the organisation request (`GET /api/orgs/{orgId}`), kept in `window.__liffOrg` for lib/session.ts to take;
 * - local mode only (the organisation says `mode: 'local'`, which only the local server does): the LIFF mock's chunk,
 *   the tester's token from the local issuer and the demo staff list (`window.__liffLocal`), so the local steps do
 *   not queue behind the SDK either.
 *
 * The same file works on Firebase Hosting (static) and on the local server: nothing depends on the server.
 */
export function bootPreload(options: { routesFile: string; base: string }): Plugin {
  return {
    name: 'liff-boot-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const closure = (fileName: string, seen = new Set<string>()): Set<string> => {
          if (seen.has(fileName)) return seen;
          seen.add(fileName);
          for (const dep of byFile.get(fileName)?.imports ?? []) closure(dep, seen);
          return seen;
        };
        const entry = chunks.find((c) => c.isEntry);
        const alreadyLoaded = entry ? closure(entry.fileName) : new Set<string>();
        const url = (file: string) => `${options.base}${file}`;
        const filesOf = (facade: (id: string) => boolean): string[] => {
          const chunk = chunks.find((c) => c.facadeModuleId && facade(c.facadeModuleId.replace(/\\/g, '/')));
          if (!chunk) return [];
          const js = [...closure(chunk.fileName)].filter((f) => !alreadyLoaded.has(f));
          const css = js.flatMap((f) => [...((byFile.get(f) as { viteMetadata?: { importedCss?: Set<string> } } | undefined)?.viteMetadata?.importedCss ?? [])]);
          return [...js, ...css].map(url);
        };
        const mock = filesOf((id) => id.includes('/node_modules/@line/liff-mock/'));
        const routes = routeTable(readFileSync(options.routesFile, 'utf8')).map(({ pattern, file }) => {
          const target = path.resolve(path.dirname(options.routesFile), file).replace(/\\/g, '/');
          return [pattern, filesOf((id) => id === target)] as const;
        });
        const script = `(function(){var m=/^\\/liff\\/([^/]+)\\/?(.*)$/.exec(location.pathname);if(!m)return;
var org=decodeURIComponent(m[1]),page=m[2].split('/').filter(Boolean);
var J={headers:{accept:'application/json'}};
window.__liffOrg=fetch('/api/orgs/'+encodeURIComponent(org),J).catch(function(){return null});
window.__liffLocal=window.__liffOrg.then(function(r){return r&&r.ok?r.clone().json():null}).then(function(o){if(!o||o.mode!=='local')return null;
${JSON.stringify(mock)}.forEach(function(f){var l=document.createElement('link');l.rel='modulepreload';l.crossOrigin='';l.href=f;document.head.appendChild(l);});
var u=null;try{u=JSON.parse(localStorage.getItem('liff-dev-user')||'null')}catch(e){}
var post={method:'POST',headers:{accept:'application/json','content-type':'application/json'},body:JSON.stringify(u||{})};
return{user:u,token:u?fetch('/dev/id-token',post).then(function(r){return r.ok?r.json():null}).catch(function(){return null}):null,
demo:fetch('/dev/demo',J).then(function(r){return r.ok?r.json():null}).catch(function(){return null})};}).catch(function(){return null});
var R=${JSON.stringify(routes)},files=[];
for(var i=0;i<R.length;i++){var p=R[i][0].split('/').filter(Boolean);if(p.length!==page.length)continue;var ok=true;
for(var j=0;j<p.length&&ok;j++)ok=p[j].charAt(0)===':'||p[j]===page[j];if(ok){files=files.concat(R[i][1]);break;}}
files.forEach(function(f){var l=document.createElement('link');if(/\\.css$/.test(f)){l.rel='preload';l.as='style';}else{l.rel='modulepreload';}l.crossOrigin='';l.href=f;document.head.appendChild(l);});})();`;
        // Before the stylesheet link: a classic script placed after a stylesheet waits for it to load.
        if (!html.includes('</title>')) throw new Error('index.html needs a <title> to place the boot script after');
        return html.replace('</title>', `</title>\n    <script>${script}</script>`);
      },
    },
  };
}

/** The route table's patterns and the file each one's `import()` loads, in order (first match wins, as in the app). */
export function routeTable(source: string): Array<{ pattern: string; file: string }> {
  const out: Array<{ pattern: string; file: string }> = [];
  for (const part of source.split(/\{\s*pattern:\s*/).slice(1)) {
    const pattern = /^'([^']*)'/.exec(part)?.[1];
    const file = /import\('(\.[^']+)'\)/.exec(part)?.[1];
    if (pattern !== undefined && file && pattern !== '*') out.push({ pattern, file });
  }
  return out;
}
