import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './ConfirmDialog.tsx';

interface ActiveToggleDialogProps {
  /** The thing to (de)activate; the dialog is open while it is set. */
  target: { name: string; active: boolean } | null;
  /** Where its texts live: `<namespace>.deactivateTitle`, `.reactivateTitle`, `.deactivateBody`, `.reactivateBody`. */
  namespace: 'members' | 'partners' | 'identityProviders';
  onConfirm: () => void;
  onCancel: () => void;
  isPending: boolean;
  error: string | null;
}

/** Asks before switching something off (or on again), in the words of the thing being switched. */
export function ActiveToggleDialog({ target, namespace, onConfirm, onCancel, isPending, error }: ActiveToggleDialogProps) {
  const { t } = useTranslation();
  const deactivating = target?.active ?? false;
  const name = target?.name ?? '';
  return (
    <ConfirmDialog
      isOpen={target !== null}
      title={deactivating ? t(`${namespace}.deactivateTitle`, { name }) : t(`${namespace}.reactivateTitle`, { name })}
      confirmLabel={deactivating ? t('common.deactivate') : t('common.reactivate')}
      tone={deactivating ? 'danger' : 'primary'}
      onConfirm={onConfirm}
      onCancel={onCancel}
      isPending={isPending}
      error={error}
    >
      <p>{deactivating ? t(`${namespace}.deactivateBody`) : t(`${namespace}.reactivateBody`)}</p>
    </ConfirmDialog>
  );
}
