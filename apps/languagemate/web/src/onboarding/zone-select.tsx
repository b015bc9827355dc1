import { SelectField, TextField } from '@app/ui';
import { useMemo, useState } from 'react';
import { useT } from '../shared/i18n.js';
import { offsetLabel, timeZones } from '../shared/zones.js';

/**
 * The IANA zone picker: a search box that narrows a native select (the phone's own picker, fully
 * accessible), the chosen zone always kept in the list. Offsets tell similar names apart.
 */
export function ZoneSelect({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (zone: string) => void;
  error?: string | undefined;
}) {
  const { t } = useT();
  const [search, setSearch] = useState('');
  const all = useMemo(() => timeZones().map((zone) => ({ zone, offset: offsetLabel(zone) })), []);
  const needle = search.trim().toLowerCase().replace(/\s+/g, '_');
  const matches = all.filter(
    ({ zone, offset }) =>
      zone === value || !needle || zone.toLowerCase().includes(needle) || offset.toLowerCase() === needle,
  );
  return (
    <div className="flex flex-col gap-3">
      <TextField
        type="search"
        label={t('onboarding.basics.zoneSearch')}
        hint={t('onboarding.basics.zoneSearchHint')}
        value={search}
        autoComplete="off"
        onChange={(event) => setSearch(event.target.value)}
      />
      <SelectField
        name="timeZone"
        label={t('onboarding.basics.timeZone')}
        hint={t('onboarding.basics.zoneCount', { count: matches.length })}
        value={value}
        error={error}
        onChange={(event) => onChange(event.target.value)}
        options={matches.map(({ zone, offset }) => ({
          value: zone,
          label: `${zone.replaceAll('_', ' ')} (${offset})`,
        }))}
      />
    </div>
  );
}
