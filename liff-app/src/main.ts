import { h, render } from 'preact';
import { App, BootFailure, NoOrganisation } from './app.ts';
import { parseLocation } from './lib/location.ts';
import { interceptLinks, setRouterOrg } from './lib/router.ts';
import { startSession } from './lib/session.ts';
import './styles.css';

const root = document.getElementById('app')!;
const { orgId } = parseLocation(location.pathname);

if (!orgId) {
  render(h(NoOrganisation, null), root);
} else {
  startSession(orgId).then(
    (session) => {
      setRouterOrg(session.org.id);
      interceptLinks(root);
      root.textContent = '';
      render(h(App, { session }), root);
    },
    (error: unknown) => {
      root.textContent = '';
      render(h(BootFailure, { error }), root);
    },
  );
}
