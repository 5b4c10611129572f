/** A break between parts of the story. */
export function DividerBlock() {
  return <hr />;
}
