import { render } from 'preact';
import { App, BootFailure, NoOrganisation } from './app.tsx';
import { parseLocation } from './lib/location.ts';
import { interceptLinks, matchRoute, setRouterOrg } from './lib/router.ts';
import { routes } from './routes.ts';
import { startSession } from './lib/session.ts';
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
  startSession(orgId).then(
    (session) => {
      setRouterOrg(session.org.id);
      interceptLinks(root);
      root.textContent = '';
      render(<App session={session} />, root);
    },
    (error: unknown) => {
      root.textContent = '';
      render(<BootFailure error={error} />, root);
    },
  );
}
