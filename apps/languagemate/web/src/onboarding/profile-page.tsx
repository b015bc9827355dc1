import { ErrorState, LoadingState, useSession, useTitle } from '@app/ui';
import { Navigate, useNavigate } from 'react-router';
import { useProfile } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { draftOf } from './draft.js';
import { ProfileStepper } from './profile-stepper.js';

/** `/profile`: the same steps as onboarding, starting from the saved profile. */
export function ProfilePage() {
  const { t } = useT();
  useTitle(t('onboarding.editTitle'));
  const { user } = useSession();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const profile = useProfile();
  if (!user || profile.isPending) return <LoadingState />;
  if (profile.isError)
    return <ErrorState message={errorText(profile.error)} onRetry={() => void profile.refetch()} />;
  // No profile yet: onboarding on the home page is the way to make one.
  if (!profile.data.profile) return <Navigate to="/" replace />;
  return (
    <ProfileStepper
      mode="edit"
      userId={user.id}
      initial={draftOf(profile.data.profile)}
      testedLevel={profile.data.profile.testedLevel}
      onSaved={() => navigate('/')}
    />
  );
}
