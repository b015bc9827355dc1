/**
 * How a connected call's media travels, from the peer connection's stats: through the TURN relay
 * (neither side sees the other's address) or directly. Undefined until a candidate pair is chosen.
 */
export function callRoute(stats: RTCStatsReport | undefined): 'relay' | 'direct' | undefined {
  if (!stats) return undefined;
  let pairId: string | undefined;
  stats.forEach((report: { type: string; selectedCandidatePairId?: string }) => {
    if (report.type === 'transport' && report.selectedCandidatePairId)
      pairId = report.selectedCandidatePairId;
  });
  const pair = pairId ? stats.get(pairId) : undefined;
  if (!pair) return undefined;
  const local = stats.get(pair.localCandidateId);
  const remote = stats.get(pair.remoteCandidateId);
  if (!local || !remote) return undefined;
  return local.candidateType === 'relay' || remote.candidateType === 'relay' ? 'relay' : 'direct';
}
