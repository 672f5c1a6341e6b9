import { Fragment, type ComponentChild } from 'preact';
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

  useEffect(
    () =>
      onNavigate(() => {
        navigated.current = true;
        setLoc(currentPage());
      }),
    [],
  );

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
  return (
    <>
      <a class="skip-link" href="#main">
        ข้ามไปยังเนื้อหา
      </a>
      {session.dev ? <DevBanner session={session} /> : null}
      <header class="topbar">
        {isHome ? (
          <span class="topbar-org">{session.org.name}</span>
        ) : (
          <Link to="" class="topbar-home">
            <span aria-hidden="true">{'‹ '}</span>หน้าหลัก
          </Link>
        )}
        {!isHome ? <span class="topbar-org topbar-org-small">{session.org.name}</span> : null}
      </header>
      <main id="main" tabIndex={-1}>
        {loadError ? (
          <ErrorView error={new Error('โหลดหน้านี้ไม่สำเร็จ กรุณาตรวจสอบอินเทอร์เน็ตแล้วลองอีกครั้ง')} retry={() => location.reload()} />
        ) : !shown ? (
          <Loading />
        ) : (
          <Fragment key={shown.key}>
            <h1 id="page-title" tabIndex={-1}>
              {shown.mod.title}
            </h1>
            <shown.mod.default params={shown.params} query={shown.query} />
          </Fragment>
        )}
      </main>
    </>
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
  return (
    <details class="devbar">
      <summary>
        {'โหมดทดสอบ · ใช้งานในชื่อ '}
        <strong data-testid="dev-user">{dev.user.name}</strong>
      </summary>
      <div class="devbar-body">
        <p class="hint">
          {'ตัวตนจำลองจากตัวออกโทเค็นในเครื่อง (ไม่ใช่บัญชี LINE จริง) รหัสผู้ใช้: '}
          <code>{dev.user.sub}</code>
        </p>
        <form
          onSubmit={(e: Event) => {
            e.preventDefault();
            void switchTo(dev.user.sub, name);
          }}
        >
          <label for="dev-name" class="label">
            ชื่อที่แสดง
          </label>
          <input id="dev-name" value={name} onInput={(e: Event) => setName((e.currentTarget as HTMLInputElement).value)} />
          <div class="row">
            <button type="submit" class="btn btn-secondary">
              ใช้ชื่อนี้
            </button>
            <button type="button" class="btn btn-secondary" onClick={() => void switchTo(newDevSub(), name || 'ประชาชน')}>
              เป็นประชาชนคนใหม่
            </button>
          </div>
        </form>
        {dev.citizen && dev.citizen.sub !== dev.user.sub ? (
          <p>
            <button
              type="button"
              class="btn btn-secondary"
              onClick={() => void switchTo(dev.citizen!.sub, dev.citizen!.name)}
            >{`กลับเป็นประชาชน: ${dev.citizen.name}`}</button>
          </p>
        ) : null}
        {dev.staff.length ? (
          <div>
            <p class="label">เข้าใช้เป็นเจ้าหน้าที่ตัวอย่าง</p>
            <ul class="plain">
              {dev.staff.map((s) => (
                <li key={s.userId}>
                  <button
                    type="button"
                    class="btn btn-secondary"
                    onClick={() => void switchTo(s.userId, s.displayName || s.userId)}
                  >{`${s.displayName || s.userId} (${(s.roleLabels ?? s.roles).join(', ')})`}</button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </details>
  );
}

export function BootFailure(props: { error: unknown }): ComponentChild {
  return (
    <main id="main">
      <h1>เปิดบริการไม่สำเร็จ</h1>
      <ErrorView error={props.error} retry={() => location.reload()} />
    </main>
  );
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
  return (
    <main id="main">
      <h1>ลิงก์ไม่ครบ</h1>
      <p>กรุณาเปิดบริการนี้จากเมนูใน LINE ของเทศบาลหรือ อบต. ของคุณ</p>
      {orgs.length ? (
        <nav aria-label="หน่วยงานตัวอย่าง">
          <p>หน่วยงานตัวอย่าง (โหมดทดสอบ):</p>
          <ul class="tiles">
            {orgs.map((o) => (
              <li key={o.id}>
                <a class="tile" href={pageHref(o.id, '')}>
                  {o.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </main>
  );
}
