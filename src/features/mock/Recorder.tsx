// Record the spoken answer (only when asked), then play it back beside the model answer and
// save it if wanted. The microphone code is src/platform/recorder.ts; the Blob stays in memory.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useScreenT } from '../../i18n/i18n.tsx';
import { canRecord, startRecording, type ActiveRecording } from '../../platform/recorder.ts';

export interface RecorderProps {
  /** Object URL of this question's recording, if there is one. */
  recording: string | undefined;
  /** Whether the answer is shown (no new recording then). */
  revealed: boolean;
  /** Set to a function stopping a recording in progress (MockRun calls it on reveal). */
  stopRef: RefObject<(() => void) | null>;
  onRecorded: (blob: Blob) => void;
}

type RecorderState =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'on'; active: ActiveRecording }
  | { kind: 'failed'; reason: string };

export function Recorder({ recording, revealed, stopRef, onRecorded }: RecorderProps) {
  const { t } = useScreenT();
  const [state, setState] = useState<RecorderState>({ kind: 'idle' });

  // The recording in progress, for stopping it when the question is left.
  const live = useRef<ActiveRecording | null>(null);

  const stop = (active: ActiveRecording) => {
    live.current = null;
    setState({ kind: 'idle' });
    void active.stop().then(onRecorded);
  };
  useEffect(() => {
    stopRef.current = () => {
      if (state.kind === 'on') stop(state.active);
    };
  });
  // Leaving the question (or the screen) mid-recording releases the microphone.
  useEffect(
    () => () => {
      void live.current?.stop();
    },
    [],
  );

  if (!canRecord() && recording === undefined) return null;
  return (
    <div className="mock-recorder">
      {recording !== undefined ? (
        <>
          <p className="mock-recorder-title">{t('mock.record.yours')}</p>
          <audio controls src={recording} />
          <a className="btn btn-quiet" href={recording} download="mock-answer.webm">
            {t('mock.record.save')}
          </a>
        </>
      ) : state.kind === 'on' ? (
        <>
          <p className="mock-recording" role="status">
            {t('mock.record.on')}
          </p>
          <button type="button" className="btn" onClick={() => stop(state.active)}>
            {t('mock.record.stop')}
          </button>
        </>
      ) : (
        !revealed && (
          <button
            type="button"
            className="btn"
            disabled={state.kind === 'starting'}
            onClick={() => {
              setState({ kind: 'starting' });
              startRecording().then(
                (active) => {
                  live.current = active;
                  setState({ kind: 'on', active });
                },
                (error: unknown) =>
                  setState({
                    kind: 'failed',
                    reason: error instanceof Error ? error.name || error.message : String(error),
                  }),
              );
            }}
          >
            {t('mock.record')}
          </button>
        )
      )}
      {state.kind === 'failed' && (
        <p className="mock-error" role="alert">
          {t('mock.record.failed', { reason: state.reason })}
        </p>
      )}
      {(state.kind === 'on' || recording !== undefined) && (
        <p className="mock-note">{t('mock.record.note')}</p>
      )}
    </div>
  );
}
