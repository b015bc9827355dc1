import type { Suggestion } from '@app/languagemate-contracts';
import { Button, Dialog, Form, TextAreaField } from '@app/ui';
import { useState } from 'react';
import { useT } from '../shared/i18n.js';
import { InterestChips, LanguageLine, PersonAvatar } from '../shared/person.js';
import { Reasons } from './reasons.js';

/** One suggested partner: who they are, why they fit, and Request / Not interested. */
export function SuggestionCard({
  suggestion,
  myZone,
  onRequest,
  onDismiss,
  dismissing,
}: {
  suggestion: Suggestion;
  myZone: string;
  onRequest: (message: string) => Promise<void>;
  onDismiss: () => void;
  dismissing: boolean;
}) {
  const { t } = useT();
  const { profile } = suggestion;
  const [asking, setAsking] = useState(false);
  const headingId = `suggestion-${profile.userId}`;
  return (
    <article
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-4 shadow-sm"
    >
      <header className="flex items-center gap-3">
        <PersonAvatar
          name={profile.displayName}
          photoFileId={profile.photoFileId}
          className="size-14 text-lg"
        />
        <div className="min-w-0">
          <h3 id={headingId} className="truncate text-lg font-semibold">
            {profile.displayName}
          </h3>
          <p className="text-sm text-fg-muted">
            {t('suggestions.sharedHours', { hours: Math.round(suggestion.sharedHoursPerWeek * 10) / 10 })}
          </p>
        </div>
      </header>
      <LanguageLine profile={profile} />
      <InterestChips profile={profile} />
      {profile.bio && <p className="line-clamp-3 text-sm">{profile.bio}</p>}
      <section aria-label={t('suggestions.why')} className="rounded-lg bg-surface-muted p-3">
        <h4 className="mb-2 text-sm font-semibold">{t('suggestions.why')}</h4>
        <Reasons reasons={suggestion.reasons} profile={profile} myZone={myZone} />
      </section>
      <div className="flex flex-wrap gap-2">
        <Button
          onClick={() => setAsking(true)}
          aria-label={t('suggestions.requestName', { name: profile.displayName })}
        >
          {t('suggestions.request')}
        </Button>
        <Button
          variant="ghost"
          loading={dismissing}
          onClick={onDismiss}
          aria-label={t('suggestions.dismissName', { name: profile.displayName })}
        >
          {t('suggestions.dismiss')}
        </Button>
      </div>
      <RequestDialog
        open={asking}
        name={profile.displayName}
        onClose={() => setAsking(false)}
        onSend={async (message) => {
          await onRequest(message);
          setAsking(false);
        }}
      />
    </article>
  );
}

/** "Request" with an optional first message (max 300 characters, like the contract). */
function RequestDialog({
  open,
  name,
  onClose,
  onSend,
}: {
  open: boolean;
  name: string;
  onClose: () => void;
  onSend: (message: string) => Promise<void>;
}) {
  const { t } = useT();
  const [message, setMessage] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('suggestions.requestTitle', { name })}
      description={t('suggestions.requestLead')}
    >
      <Form
        error={error}
        label={t('suggestions.requestTitle', { name })}
        onSubmit={(event) => {
          event.preventDefault();
          setSending(true);
          setError(undefined);
          onSend(message.trim())
            .catch((failure: unknown) =>
              setError(failure instanceof Error ? failure.message : String(failure)),
            )
            .finally(() => setSending(false));
        }}
      >
        <TextAreaField
          label={t('suggestions.message')}
          hint={t('suggestions.messageHint', { count: message.length })}
          maxLength={300}
          rows={3}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
        />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" loading={sending}>
            {t('suggestions.send')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('suggestions.cancel')}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
