import { render } from 'preact';
import { App, BootFailure, NoOrganisation } from './app.tsx';
import { parseLocation } from './lib/location.ts';
import { interceptLinks, matchRoute, setRouterOrg } from './lib/router.ts';
import { routes } from './routes.ts';
import { openSession } from './lib/session.ts';
import './styles.css';

const root = document.getElementById('app')!;
const { orgId, page } = parseLocation(location.pathname);
// Start fetching the first page's code while the session starts (the app asks for the same chunk; the browser has it).
if (orgId)
  void matchRoute(routes, page)
    ?.route.load()
    .catch(() => undefined);

if (!orgId) {
  render(<NoOrganisation />, root);
} else {
  const failed = (error: unknown) => {
    root.textContent = '';
    render(<BootFailure error={error} />, root);
  };
  // The page is drawn as soon as the organisation is known; LIFF starts meanwhile (lib/session.ts). Except when LINE
  // is handing over: the permanent link's page (liff.state) or LINE Login's answer are in the address until liff.init
  // has read them, so the page waits for it there.
  const handover = /[?&](liff\.state|liffClientId|liffRedirectUri|code|state|error)=/.test(location.search);
  openSession(orgId).then(({ session, ready }) => {
    setRouterOrg(session.org.id);
    interceptLinks(root);
    const show = () => render(<App session={session} />, root);
    if (!handover) {
      root.textContent = '';
      show();
    }
    ready.then(() => {
      if (handover) root.textContent = '';
      // Drawn again with what LIFF filled in (inside LINE: the close button; locally: the tester bar).
      show();
    }, failed);
  }, failed);
}
