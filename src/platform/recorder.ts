// The one place the app touches the microphone: a spoken answer recorded in memory with
// MediaRecorder. Asked for only when the learner presses Record; the recording is a Blob that
// never leaves the page unless the learner downloads it.

export interface ActiveRecording {
  /** Stops recording and releases the microphone; resolves with what was recorded. */
  stop: () => Promise<Blob>;
}

/** Whether this browser can record at all (the Record button is absent when not). */
export function canRecord(): boolean {
  return (
    typeof MediaRecorder !== 'undefined' &&
    typeof navigator !== 'undefined' &&
    navigator.mediaDevices?.getUserMedia !== undefined
  );
}

/** Asks for the microphone and starts recording; rejects if refused or unavailable. */
export async function startRecording(): Promise<ActiveRecording> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  const recorder = new MediaRecorder(stream);
  const parts: Blob[] = [];
  recorder.addEventListener('dataavailable', (e) => {
    if (e.data.size > 0) parts.push(e.data);
  });
  recorder.start();
  return {
    stop: () =>
      new Promise<Blob>((resolve) => {
        recorder.addEventListener(
          'stop',
          () => {
            for (const track of stream.getTracks()) track.stop();
            resolve(new Blob(parts, { type: recorder.mimeType || 'audio/webm' }));
          },
          { once: true },
        );
        if (recorder.state === 'inactive') recorder.dispatchEvent(new Event('stop'));
        else recorder.stop();
      }),
  };
}
