import type { MediaDeviceList } from '@app/client';
import { CheckboxField, Dialog, SelectField } from '@app/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { relayOnlyPreference, setRelayOnlyPreference } from './relay-preference.js';

/** Choosing the microphone and camera during a call (switched without renegotiating). */
export function DevicePicker({
  devices,
  localStream,
  onClose,
  onSwitch,
}: {
  devices: MediaDeviceList;
  localStream: MediaStream | undefined;
  onClose: () => void;
  onSwitch: (kind: 'audio' | 'video', deviceId: string) => Promise<void>;
}) {
  const { t } = useTranslation('languagemate');
  const inUse = (kind: 'audio' | 'video') =>
    localStream
      ?.getTracks()
      .find((track) => track.kind === kind)
      ?.getSettings().deviceId ?? '';
  const [microphone, setMicrophone] = useState(() => inUse('audio'));
  const [camera, setCamera] = useState(() => inUse('video'));
  const [relayOnly, setRelayOnly] = useState(relayOnlyPreference);
  const options = (list: { deviceId: string; label: string }[], unnamed: string) =>
    list.map((d, i) => ({ value: d.deviceId, label: d.label || `${unnamed} ${i + 1}` }));
  return (
    <Dialog open onClose={onClose} title={t('call.devices.title')}>
      <div className="flex flex-col gap-4">
        {devices.microphones.length > 0 && (
          <SelectField
            label={t('call.devices.microphone')}
            value={microphone}
            options={options(devices.microphones, t('call.devices.microphone'))}
            onChange={(e) => {
              setMicrophone(e.target.value);
              void onSwitch('audio', e.target.value);
            }}
          />
        )}
        {devices.cameras.length > 0 ? (
          <SelectField
            label={t('call.devices.camera')}
            value={camera}
            options={options(devices.cameras, t('call.devices.camera'))}
            onChange={(e) => {
              setCamera(e.target.value);
              void onSwitch('video', e.target.value);
            }}
          />
        ) : (
          <p className="text-sm text-fg-muted">{t('call.devices.noCamera')}</p>
        )}
        <div>
          <CheckboxField
            label={t('call.devices.relayOnly')}
            checked={relayOnly}
            onChange={(e) => {
              setRelayOnly(e.target.checked);
              setRelayOnlyPreference(e.target.checked);
            }}
          />
          <p className="text-sm text-fg-muted">{t('call.devices.relayOnlyHint')}</p>
        </div>
      </div>
    </Dialog>
  );
}
