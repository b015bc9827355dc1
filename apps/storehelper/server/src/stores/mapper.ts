import type { AutoDraft, Store } from '@app/storehelper-contracts';
import type { Selectable } from 'kysely';
import type { StorehelperStores } from '../db.generated.js';

export type StoreRow = Selectable<StorehelperStores>;

export function toStore(row: StoreRow, role: Store['role']): Store {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    category: row.category,
    timeZone: row.time_zone,
    googleLocation: row.google_location,
    naverPlaceId: row.naver_place_id,
    kakaoPlaceId: row.kakao_place_id,
    replyTone: row.reply_tone as Store['replyTone'],
    replySignature: row.reply_signature,
    autoDraft: (row.auto_draft as AutoDraft | null) ?? null,
    competitorOf: row.competitor_of,
    role,
    createdAt: row.created_at.toISOString(),
  };
}

/** Input fields -> columns (only those given). */
export function storeColumns(input: {
  name?: string | undefined;
  address?: string | undefined;
  category?: string | undefined;
  timeZone?: string | undefined;
  googleLocation?: string | null | undefined;
  naverPlaceId?: string | null | undefined;
  kakaoPlaceId?: string | null | undefined;
  replyTone?: string | undefined;
  replySignature?: string | undefined;
  autoDraft?: AutoDraft | null | undefined;
}) {
  return {
    name: input.name,
    address: input.address,
    category: input.category,
    time_zone: input.timeZone,
    google_location: input.googleLocation,
    naver_place_id: input.naverPlaceId,
    kakao_place_id: input.kakaoPlaceId,
    reply_tone: input.replyTone,
    reply_signature: input.replySignature,
    auto_draft:
      input.autoDraft === undefined
        ? undefined
        : input.autoDraft === null
          ? null
          : JSON.stringify(input.autoDraft),
  };
}
