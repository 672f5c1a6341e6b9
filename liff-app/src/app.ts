import { h, Fragment, type ComponentChild } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from './lib/api.ts';
import { pageHref } from './lib/location.ts';
import { currentPage, matchRoute, onNavigate, type PageModule } from './lib/router.ts';
import { newDevSub, type Session } from './lib/session.ts';
import { ErrorView, Link, Loading } from './lib/ui.ts';
import { notFound, routes } from './routes.ts';

interface Shown {
  key: string;
  mod: PageModule;
  params: Record<string, string>;
  query: URLSearchParams;
}

/** The shell: top bar, the local-mode tester banner, and the current page, whose heading gets focus on navigation. */
export function App(props: { session: Session }): ComponentChild {
  const { session } = props;
  const [loc, setLoc] = useState(currentPage);
  const [shown, setShown] = useState<Shown | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const navigated = useRef(false);

  useEffect(() => onNavigate(() => {
    navigated.current = true;
    setLoc(currentPage());
  }), []);

  const key = `${loc.page}?${loc.query.toString()}`;
  useEffect(() => {
    let live = true;
    const match = matchRoute(routes, loc.page) ?? { route: notFound, params: {} };
    setLoadError(null);
    match.route.load().then(
      (mod) => {
        if (!live) return;
        setShown({ key, mod, params: match.params, query: loc.query });
        document.title = `${mod.title} · ${session.org.name}`;
      },
      (err: unknown) => live && setLoadError(err),
    );
    return () => {
      live = false;
    };
  }, [key]);

  // After a navigation, focus the new page's heading so screen readers start there and keyboard users are not lost.
  useEffect(() => {
    if (!shown || !navigated.current) return;
    const heading = document.getElementById('page-title');
    heading?.focus();
  }, [shown?.key]);

  const isHome = loc.page === '';
  return h(
    Fragment,
    null,
    h('a', { class: 'skip-link', href: '#main' }, 'ข้ามไปยังเนื้อหา'),
    session.dev ? h(DevBanner, { session }) : null,
    h(
      'header',
      { class: 'topbar' },
      isHome ? h('span', { class: 'topbar-org' }, session.org.name) : h(Link, { to: '', class: 'topbar-home' }, h('span', { 'aria-hidden': 'true' }, '‹ '), 'หน้าหลัก'),
      !isHome ? h('span', { class: 'topbar-org topbar-org-small' }, session.org.name) : null,
    ),
    h(
      'main',
      { id: 'main', tabIndex: -1 },
      loadError
        ? h(ErrorView, { error: new Error('โหลดหน้านี้ไม่สำเร็จ กรุณาตรวจสอบอินเทอร์เน็ตแล้วลองอีกครั้ง'), retry: () => location.reload() })
        : !shown
          ? h(Loading, null)
          : h(
              Fragment,
              { key: shown.key },
              h('h1', { id: 'page-title', tabIndex: -1 }, shown.mod.title),
              h(shown.mod.default, { params: shown.params, query: shown.query }),
            ),
    ),
  );
}

/** Local mode only: who the tester is, and a quick switch to another citizen or to a demo staff member. */
function DevBanner(props: { session: Session }): ComponentChild {
  const dev = props.session.dev;
  const [name, setName] = useState(dev?.user.name ?? '');
  if (!dev) return null;
  const switchTo = async (sub: string, displayName: string) => {
    await dev.switchUser({ sub, name: displayName });
    location.reload();
  };
  return h(
    'details',
    { class: 'devbar' },
    h('summary', null, 'โหมดทดสอบ · ใช้งานในชื่อ ', h('strong', { 'data-testid': 'dev-user' }, dev.user.name)),
    h(
      'div',
      { class: 'devbar-body' },
      h('p', { class: 'hint' }, 'ตัวตนจำลองจากตัวออกโทเค็นในเครื่อง (ไม่ใช่บัญชี LINE จริง) รหัสผู้ใช้: ', h('code', null, dev.user.sub)),
      h(
        'form',
        {
          onSubmit: (e: Event) => {
            e.preventDefault();
            void switchTo(dev.user.sub, name);
          },
        },
        h('label', { for: 'dev-name', class: 'label' }, 'ชื่อที่แสดง'),
        h('input', { id: 'dev-name', value: name, onInput: (e: Event) => setName((e.currentTarget as HTMLInputElement).value) }),
        h('div', { class: 'row' },
          h('button', { type: 'submit', class: 'btn btn-secondary' }, 'ใช้ชื่อนี้'),
          h('button', { type: 'button', class: 'btn btn-secondary', onClick: () => void switchTo(newDevSub(), name || 'ประชาชน') }, 'เป็นประชาชนคนใหม่'),
        ),
      ),
      dev.citizen && dev.citizen.sub !== dev.user.sub
        ? h('p', null, h('button', { type: 'button', class: 'btn btn-secondary', onClick: () => void switchTo(dev.citizen!.sub, dev.citizen!.name) }, `กลับเป็นประชาชน: ${dev.citizen.name}`))
        : null,
      dev.staff.length
        ? h(
            'div',
            null,
            h('p', { class: 'label' }, 'เข้าใช้เป็นเจ้าหน้าที่ตัวอย่าง'),
            h(
              'ul',
              { class: 'plain' },
              dev.staff.map((s) =>
                h(
                  'li',
                  { key: s.userId },
                  h('button', { type: 'button', class: 'btn btn-secondary', onClick: () => void switchTo(s.userId, s.displayName || s.userId) },
                    `${s.displayName || s.userId} (${(s.roleLabels ?? s.roles).join(', ')})`),
                ),
              ),
            ),
          )
        : null,
    ),
  );
}

export function BootFailure(props: { error: unknown }): ComponentChild {
  return h('main', { id: 'main' }, h('h1', null, 'เปิดบริการไม่สำเร็จ'), h(ErrorView, { error: props.error, retry: () => location.reload() }));
}

/** /liff/ without an organisation: a broken link. Locally, list the demo organisations to pick from. */
export function NoOrganisation(): ComponentChild {
  const [orgs, setOrgs] = useState<Array<{ id: string; name: string }>>([]);
  useEffect(() => {
    request<{ orgs?: Array<{ id: string; name: string }> }>('/dev/demo', { auth: 'none' }).then(
      (d) => setOrgs(d.orgs ?? []),
      () => undefined,
    );
  }, []);
  return h(
    'main',
    { id: 'main' },
    h('h1', null, 'ลิงก์ไม่ครบ'),
    h('p', null, 'กรุณาเปิดบริการนี้จากเมนูใน LINE ของเทศบาลหรือ อบต. ของคุณ'),
    orgs.length
      ? h(
          'nav',
          { 'aria-label': 'หน่วยงานตัวอย่าง' },
          h('p', null, 'หน่วยงานตัวอย่าง (โหมดทดสอบ):'),
          h('ul', { class: 'tiles' }, orgs.map((o) => h('li', { key: o.id }, h('a', { class: 'tile', href: pageHref(o.id, '') }, o.name)))),
        )
      : null,
  );
}
