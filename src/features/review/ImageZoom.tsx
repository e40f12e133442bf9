// A card's picture at its full size: on a phone the LSTM diagram is a third of its drawn size,
// too small to read, so tapping a picture in a card opens it in a dialog where it can be
// scrolled (and pinched). The picture follows the theme there too.
import { useRef } from 'react';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { useT } from '../../i18n/i18n.tsx';

export interface ZoomedImage {
  src: string;
  alt: string;
}

export function ImageZoom({ image, onClose }: { image: ZoomedImage | null; onClose: () => void }) {
  const { t } = useT();
  const closeRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog
      open={image !== null}
      onDismiss={onClose}
      labelledBy="zoom-title"
      initialFocus={closeRef}
      className="zoom"
    >
      <div className="zoom-head">
        <h2 id="zoom-title" className="visually-hidden">
          {image?.alt || t('review.picture')}
        </h2>
        <button ref={closeRef} type="button" className="btn" onClick={onClose}>
          {t('review.closePicture')}
        </button>
      </div>
      <div className="zoom-body" tabIndex={0} role="region" aria-labelledby="zoom-title">
        {image && <img src={image.src} alt={image.alt} />}
      </div>
    </ModalDialog>
  );
}
