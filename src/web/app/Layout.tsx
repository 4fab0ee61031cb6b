import { useEffect, useRef, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { I18nProvider } from 'react-aria-components';
import { useLocale } from '../i18n/i18n.ts';
import { useMe } from './session.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Navigation } from './Navigation.tsx';
import { paths } from './paths.ts';
import styles from './Layout.module.css';

const NAV_ID = 'main-navigation';

/** After moving to another page, start reading at its title, as a full page load would. */
function useFocusHeadingOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => {
      const target = document.querySelector<HTMLElement>('main h1') ?? document.getElementById('main');
      target?.focus({ preventScroll: false });
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}

export function Layout() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe().data;
  const { pathname } = useLocation();
  // Remembering where the menu was opened closes it by itself after navigating elsewhere.
  const [menuOpenedAt, setMenuOpenedAt] = useState<string | null>(null);
  const menuOpen = menuOpenedAt === pathname;
  const menuButton = useRef<HTMLButtonElement>(null);
  useFocusHeadingOnNavigate();

  return (
    <I18nProvider locale={locale}>
      <a href="#main" className={styles.skipLink}>
        {t('nav.skipToContent')}
      </a>
      <header className={styles.header}>
        <div className={styles.bar}>
          <Link to={paths.home} className={styles.brand}>
            {t('app.name')}
          </Link>
          <div className={styles.tools}>
            <LanguageSwitch />
            {me && (
              <button
                ref={menuButton}
                type="button"
                className={styles.menuButton}
                aria-expanded={menuOpen}
                aria-controls={NAV_ID}
                onClick={() => setMenuOpenedAt(menuOpen ? null : pathname)}
              >
                <span aria-hidden="true">{menuOpen ? '✕' : '☰'}</span> {t('nav.menu')}
              </button>
            )}
          </div>
        </div>
        {me && (
          <div
            onKeyDown={(event) => {
              if (event.key === 'Escape' && menuOpen) {
                setMenuOpenedAt(null);
                menuButton.current?.focus();
              }
            }}
          >
            <Navigation me={me} id={NAV_ID} isOpen={menuOpen} />
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1} className={styles.main}>
        <Outlet />
      </main>
    </I18nProvider>
  );
}
