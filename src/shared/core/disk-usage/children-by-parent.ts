/** Children by parent ID, each list in the order the images were given. */
export function childrenByParent(
  images: readonly { id: string; parentId: string | null }[],
): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const image of images) {
    if (image.parentId === null) continue;
    const list = children.get(image.parentId);
    if (list) list.push(image.id);
    else children.set(image.parentId, [image.id]);
  }
  return children;
}
