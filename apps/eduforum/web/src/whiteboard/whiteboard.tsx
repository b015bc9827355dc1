/** A shared whiteboard (Yjs document on `/collab`); built in whiteboard/. */
export function Whiteboard(_props: { documentName: string; readOnly?: boolean; title: string }) {
  return null;
}
