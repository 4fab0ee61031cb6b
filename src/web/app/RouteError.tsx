import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { PageHeader } from '../components/PageHeader.tsx';
import { Button } from '../components/Button.tsx';

/** Shown when a page crashed or its code could not be loaded (e.g. right after an update). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  // Kept in the console for whoever debugs; the person sees a plain message.
  console.error(error);
  return (
    <>
      <PageHeader title={t('routeError.title')} intro={t('routeError.body')} />
      <Button variant="primary" onPress={() => window.location.reload()}>
        {t('routeError.reload')}
      </Button>
    </>
  );
}
