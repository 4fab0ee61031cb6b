import { useNavigate, NavLink, useMatch } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../shared/schemas/auth.ts';
import { SelectField } from '../components/SelectField.tsx';
import { Button } from '../components/Button.tsx';
import { canCoordinate, canReadGovernmentFigures, currentCollaborationId, isReferrer, sectionLink, sectionsFor, worksWithFamilies } from './permissions.ts';
import { familyPaths } from '../features/families/family-paths.ts';
import { agendaPath } from '../features/meetings/paths.ts';
import { paths, type CollaborationSection } from './paths.ts';
import { useSignOut } from './session.ts';
import { useCollaborationName } from './collaborations.ts';
import styles from './Layout.module.css';

const REMEMBERED_KEY = 'gezinsplan.collaboration';

function remembered(): string | null {
  try {
    return localStorage.getItem(REMEMBERED_KEY);
  } catch {
    return null; // storage blocked: simply start with the first collaboration
  }
}

function remember(collaborationId: string): void {
  try {
    localStorage.setItem(REMEMBERED_KEY, collaborationId);
  } catch {
    // storage blocked: the choice lasts as long as the address shows it
  }
}

const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? `${styles.navLink} ${styles.navLinkActive}` : styles.navLink);

export function Navigation({ me, id, isOpen }: { me: Me; id: string; isOpen: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const match = useMatch('/collaborations/:collaborationId/:section/*');
  const fromUrl = match?.params.collaborationId;
  const collaborationId = currentCollaborationId(me, fromUrl, remembered());
  const collaborationName = useCollaborationName(collaborationId);
  const sections = collaborationId ? sectionsFor(me, collaborationId) : [];

  const switchTo = (next: string) => {
    remember(next);
    const section = match?.params.section as CollaborationSection | undefined;
    if (section && sectionsFor(me, next).includes(section)) void navigate(paths[section](next));
    else if (fromUrl) void navigate(paths.home);
  };

  return (
    <nav id={id} aria-label={t('nav.label')} className={isOpen ? `${styles.nav} ${styles.navOpen}` : styles.nav}>
      {me.memberships.length > 1 && (
        <div className={styles.switcher}>
          <SelectField
            id="collaboration-switcher"
            label={t('nav.collaboration')}
            value={collaborationId}
            onChange={switchTo}
            options={me.memberships.map((m) => ({ value: m.collaborationId, label: m.collaborationName }))}
          />
        </div>
      )}
      <ul className={styles.navList}>
        <li>
          <NavLink to={paths.home} end className={navClass}>
            {t('nav.home')}
          </NavLink>
        </li>
        {worksWithFamilies(me) && (
          <li>
            <NavLink to={familyPaths.list} className={navClass}>
              {t('nav.families')}
            </NavLink>
          </li>
        )}
        <li>
          <NavLink to={agendaPath} className={navClass}>
            {t('nav.agenda')}
          </NavLink>
        </li>
        {(me.memberships.length > 0 || me.user.platformAdmin || me.user.governmentAnalyst) && (
          <li>
            <NavLink to={paths.account} className={navClass}>
              {t('nav.account')}
            </NavLink>
          </li>
        )}
        {collaborationId &&
          sections.map((section) => (
            <li key={section}>
              <NavLink to={sectionLink(me, section, collaborationId)} className={navClass}>
                {section === 'registrations' && !canCoordinate(me, collaborationId) ? t('nav.registrationsCoach') : t(`nav.${section}`)}
                {me.memberships.length === 1 || !collaborationName ? null : (
                  <span className="visually-hidden"> ({collaborationName})</span>
                )}
              </NavLink>
            </li>
          ))}
        {isReferrer(me) && (
          <>
            <li>
              <NavLink to={paths.register} className={navClass}>
                {t('nav.register')}
              </NavLink>
            </li>
            <li>
              <NavLink to={paths.myRegistrations} className={navClass}>
                {t('nav.myRegistrations')}
              </NavLink>
            </li>
          </>
        )}
        {canReadGovernmentFigures(me) && (
          <li>
            <NavLink to={paths.governmentFigures} className={navClass}>
              {t('nav.governmentFigures')}
            </NavLink>
          </li>
        )}
        {me.user.platformAdmin && (
          <li>
            <NavLink to={paths.platformCollaborations} className={navClass}>
              {t('nav.platform')}
            </NavLink>
          </li>
        )}
        <li>
          <Button
            variant="quiet"
            className={styles.signOut}
            isPending={signOut.isPending}
            onPress={() => signOut.mutate()}
          >
            {t('nav.signOut')}
          </Button>
        </li>
      </ul>
    </nav>
  );
}
