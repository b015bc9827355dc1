import type { PublicProfile } from '@app/languagemate-contracts';
import { Avatar, Badge, useFileUrl } from '@app/ui';
import { useT } from './i18n.js';
import { useLabels } from './labels.js';

/** A person's photo (fetched with the session, see useFileUrl) or their initials. */
export function PersonAvatar({
  name,
  photoFileId,
  className,
}: {
  name: string;
  photoFileId: string | null;
  className?: string;
}) {
  const src = useFileUrl(photoFileId);
  return <Avatar name={name} {...(src ? { src } : {})} {...(className ? { className } : {})} />;
}

/** "Speaks Korean · Learns English B1", as badges a phone can wrap. */
export function LanguageLine({
  profile,
}: {
  profile: Pick<PublicProfile, 'nativeLanguages' | 'targets' | 'testedLevel' | 'testedLanguage'>;
}) {
  const { t } = useT();
  const labels = useLabels();
  return (
    <div className="flex flex-col gap-1 text-sm">
      <p className="flex flex-wrap items-center gap-1.5">
        <span className="text-fg-muted">{t('person.speaks')}</span>
        {profile.nativeLanguages.map((language) => (
          <Badge key={language}>{labels.language(language)}</Badge>
        ))}
      </p>
      <p className="flex flex-wrap items-center gap-1.5">
        <span className="text-fg-muted">{t('person.learns')}</span>
        {profile.targets.map((target) => (
          <Badge key={target.language}>
            {labels.language(target.language)} {target.level}
          </Badge>
        ))}
        {profile.testedLevel && profile.testedLanguage && (
          <Badge tone="success">
            {t('person.tested', {
              language: labels.language(profile.testedLanguage),
              level: profile.testedLevel,
            })}
          </Badge>
        )}
      </p>
    </div>
  );
}

/** Interests and free tags as small chips. */
export function InterestChips({ profile }: { profile: Pick<PublicProfile, 'interests' | 'tags'> }) {
  const labels = useLabels();
  if (profile.interests.length === 0 && profile.tags.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5 text-xs">
      {profile.interests.map((interest) => (
        <li key={interest} className="rounded-full bg-surface-muted px-2 py-1">
          {labels.interest(interest)}
        </li>
      ))}
      {profile.tags.map((tag) => (
        <li key={tag} className="rounded-full border border-border px-2 py-1">
          #{tag}
        </li>
      ))}
    </ul>
  );
}
