import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';
import { errorText } from './error-text.ts';
import styles from './List.module.css';

interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => Promise<unknown>;
}

/** "Load more" for cursor lists; new items appear above it, so focus stays where the reader is. */
export function LoadMore({ query }: { query: PagedQuery }) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <div className={styles.loadMore}>
      {query.isFetchNextPageError && (
        <p className={styles.loadMoreError} role="alert">
          {errorText(query.error, t)}
        </p>
      )}
      <Button onPress={() => void query.fetchNextPage()} isPending={query.isFetchingNextPage}>
        {query.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
      </Button>
    </div>
  );
}
