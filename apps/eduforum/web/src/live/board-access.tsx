import type { Board } from '@app/eduforum-contracts';
import { SelectField, useToast } from '@app/ui';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';
import type { LiveRoom } from './use-live-room.js';

const modes: Board['access'][] = ['everyone', 'staff', 'chosen'];

/** Staff: who may draw on the main whiteboard (chosen students are picked in People). */
export function BoardAccess({ room }: { room: LiveRoom }) {
  const { t } = useT();
  const toast = useToast();
  const errorText = useErrorText();
  const { board } = room.state;
  const set = async (access: Board['access']) => {
    try {
      await room.act('control.board', { access, writers: access === 'chosen' ? board.writers : [] });
    } catch (error) {
      toast(errorText(error), 'danger');
    }
  };
  return (
    <div className="flex flex-wrap items-end gap-3">
      <SelectField
        label={t('live.board.access')}
        value={board.access}
        onChange={(event) => void set(event.target.value as Board['access'])}
        options={modes.map((value) => ({ value, label: t(`live.board.modes.${value}`) }))}
      />
      {board.access === 'chosen' && (
        <p className="pb-3 text-sm text-fg-muted">
          {t('live.board.chooseHint', { count: board.writers.length })}
        </p>
      )}
    </div>
  );
}
