import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader.tsx';
import { ButtonLink } from '../components/Button.tsx';
import { paths } from './paths.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} intro={t('notFound.body')} />
      <ButtonLink to={paths.home} variant="primary">
        {t('common.backHome')}
      </ButtonLink>
    </>
  );
}
