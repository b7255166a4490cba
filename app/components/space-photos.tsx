/** A space's photos on its public page, each with the description the Secretariat wrote for it. */
export function SpacePhotos({ photos }: { photos: readonly { id: string; url: string; alt: string }[] }) {
  if (photos.length === 0) return null;
  return (
    <ul className="space-photos">
      {photos.map((photo) => (
        <li key={photo.id}>
          <img src={photo.url} alt={photo.alt} width={320} height={240} loading="lazy" />
        </li>
      ))}
    </ul>
  );
}
