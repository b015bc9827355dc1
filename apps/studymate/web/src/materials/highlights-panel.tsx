import { call } from '@app/client';
import type { Highlight, Passage, StudymatePaths } from '@app/studymate-contracts';
import { Button, Card, useApi, useToast } from '@app/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { jumpToPassage } from './jump.js';
import type { PassageSelection } from './use-selection.js';

/** The learner's highlights of a material: go to each, or remove it. */
export function HighlightsPanel({
  materialId,
  highlights,
  passages,
}: {
  materialId: string;
  highlights: Highlight[];
  passages: Passage[];
}) {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (highlightId: string) =>
      call(
        api.DELETE('/api/v1/studymate/materials/{id}/highlights/{highlightId}', {
          params: { path: { id: materialId, highlightId } },
        }),
      ),
    onSuccess: () => toast(t('reader.highlightRemoved')),
    onError: (error) => toast(errorText(error), 'danger'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.material(materialId) }),
  });
  const textOf = (h: Highlight) =>
    passages.find((p) => p.ordinal === h.passage)?.text.slice(h.start, h.end) ?? '';
  const sorted = [...highlights].sort((a, b) => a.passage - b.passage || a.start - b.start);
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold">{t('reader.highlights')}</h2>
      {sorted.length === 0 ? (
        <p className="text-sm text-fg-muted">{t('reader.noHighlights')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {sorted.map((highlight) => (
            <li key={highlight.id} className="flex flex-col gap-1 rounded-lg border border-border p-2">
              <q className="text-sm">{textOf(highlight)}</q>
              <div className="flex flex-wrap gap-1">
                <Button
                  variant="ghost"
                  className="min-h-9 px-2"
                  onClick={() => jumpToPassage(highlight.passage)}
                >
                  {t('reader.goTo', { n: highlight.passage + 1 })}
                </Button>
                <Button
                  variant="ghost"
                  className="min-h-9 px-2 text-danger"
                  onClick={() => remove.mutate(highlight.id)}
                  loading={remove.isPending && remove.variables === highlight.id}
                >
                  {t('reader.removeHighlight')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The bar that offers "Highlight" while text inside a passage is selected. */
export function HighlightBar({
  materialId,
  selection,
  onDone,
}: {
  materialId: string;
  selection: PassageSelection | null;
  onDone: () => void;
}) {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const add = useMutation({
    mutationFn: (span: PassageSelection) =>
      call(
        api.POST('/api/v1/studymate/materials/{id}/highlights', {
          params: { path: { id: materialId } },
          body: { passage: span.passage, start: span.start, end: span.end },
        }),
      ),
    onSuccess: () => {
      toast(t('reader.highlighted'));
      onDone();
    },
    onError: (error) => toast(errorText(error), 'danger'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.material(materialId) }),
  });
  if (!selection) return null;
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex justify-center px-4">
      <div className="pointer-events-auto flex items-center gap-3 rounded-xl border border-border bg-surface p-2 pl-4 shadow-lg">
        <span className="text-sm text-fg-muted">
          {t('reader.selected', { count: selection.text.length })}
        </span>
        {/* mousedown would move focus and clear the selection before the click. */}
        <Button
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => add.mutate(selection)}
          loading={add.isPending}
        >
          {t('reader.highlight')}
        </Button>
      </div>
    </div>
  );
}
