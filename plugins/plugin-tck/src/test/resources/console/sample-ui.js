/** A text node: data never becomes HTML. */
export function text(value) {
  return document.createTextNode(String(value));
}
