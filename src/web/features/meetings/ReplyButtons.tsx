import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/schemas/meetings.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { errorText } from '../../components/error-text.ts';
import { useReply } from './queries.ts';
import styles from './Meetings.module.css';

const REPLIES = ['yes', 'maybe', 'no'] as const;

/** Yes, maybe, no: the chosen answer is pressed (aria-pressed) and said in words. */
export function ReplyButtons({ familyId, meeting }: { familyId: string; meeting: Meeting }) {
  const { t } = useTranslation();
  const reply = useReply(familyId);
  const current = reply.isPending ? reply.variables.reply : meeting.myReply;
  return (
    <div>
      <p id={`reply-${meeting.id}`}>
        {current && current !== 'pending' ? t('meetings.reply.current', { answer: t(`meetings.reply.${current}`) }) : t('meetings.reply.question')}
      </p>
      <div className={styles.replies} role="group" aria-labelledby={`reply-${meeting.id}`}>
        {REPLIES.map((r) => (
          <Button key={r} variant={current === r ? 'primary' : 'secondary'} aria-pressed={current === r} isDisabled={reply.isPending}
            onPress={() => reply.mutate({ meetingId: meeting.id, reply: r })}>
            {t(`meetings.reply.${r}`)}
          </Button>
        ))}
      </div>
      {reply.isError && <Alert tone="error">{errorText(reply.error, t)}</Alert>}
    </div>
  );
}
