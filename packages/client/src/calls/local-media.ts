/** A microphone, camera or speaker the browser offers. */
export interface MediaDeviceChoice {
  deviceId: string;
  /** Empty until the page has been allowed to use media once (browsers hide labels before). */
  label: string;
}

export interface MediaDeviceList {
  microphones: MediaDeviceChoice[];
  cameras: MediaDeviceChoice[];
  /** Outputs for `HTMLMediaElement.setSinkId` (where the browser supports choosing one). */
  speakers: MediaDeviceChoice[];
}

/** The devices to pick from, grouped by kind. */
export async function listMediaDevices(
  devices: MediaDevices = globalThis.navigator.mediaDevices,
): Promise<MediaDeviceList> {
  const all = await devices.enumerateDevices();
  const of = (kind: MediaDeviceKind) =>
    all.filter((d) => d.kind === kind).map((d) => ({ deviceId: d.deviceId, label: d.label }));
  return { microphones: of('audioinput'), cameras: of('videoinput'), speakers: of('audiooutput') };
}

function constraint(deviceId: string | undefined): MediaTrackConstraints | boolean {
  return deviceId ? { deviceId: { exact: deviceId } } : true;
}

/**
 * Our side's microphone and camera in one MediaStream that stays the same object while its tracks
 * change (a `<video>` showing it keeps working). A muted microphone keeps its track (silence is
 * sent); a camera turned off is stopped (its light goes out) and a new track is opened when it is
 * turned on again.
 */
export class LocalMedia {
  readonly stream: MediaStream;
  private microphoneOn = true;

  private constructor(
    private readonly devices: MediaDevices,
    stream: MediaStream,
    private microphoneId: string | undefined,
    private cameraId: string | undefined,
  ) {
    this.stream = stream;
  }

  /** Opens the microphone, and the camera when `video` is true. */
  static async open(
    devices: MediaDevices,
    choice: { video: boolean; microphoneId?: string | undefined; cameraId?: string | undefined },
  ): Promise<LocalMedia> {
    const stream = await devices.getUserMedia({
      audio: constraint(choice.microphoneId),
      video: choice.video ? constraint(choice.cameraId) : false,
    });
    return new LocalMedia(devices, stream, choice.microphoneId, choice.cameraId);
  }

  track(kind: 'audio' | 'video'): MediaStreamTrack | null {
    return this.stream.getTracks().find((t) => t.kind === kind) ?? null;
  }

  get microphoneEnabled(): boolean {
    return this.microphoneOn;
  }

  get cameraEnabled(): boolean {
    return this.track('video') !== null;
  }

  setMicrophoneEnabled(on: boolean): void {
    this.microphoneOn = on;
    const track = this.track('audio');
    if (track) track.enabled = on;
  }

  /** Turns the camera on (a new track, returned) or off (stopped; null). */
  async setCameraEnabled(on: boolean): Promise<MediaStreamTrack | null> {
    if (!on) {
      this.replace('video', null);
      return null;
    }
    return this.track('video') ?? this.openTrack('video', this.cameraId);
  }

  /** Opens the chosen device and puts its track in place of the current one of its kind. */
  async switchDevice(kind: 'audio' | 'video', deviceId: string): Promise<MediaStreamTrack> {
    if (kind === 'audio') this.microphoneId = deviceId;
    else this.cameraId = deviceId;
    return this.openTrack(kind, deviceId);
  }

  /** Stops every track (the call ended). */
  stop(): void {
    for (const track of this.stream.getTracks()) track.stop();
  }

  private async openTrack(kind: 'audio' | 'video', deviceId: string | undefined): Promise<MediaStreamTrack> {
    const opened = await this.devices.getUserMedia({ [kind]: constraint(deviceId) });
    const track = opened.getTracks().find((t) => t.kind === kind);
    if (!track) throw new Error(`no ${kind} track from the chosen device`);
    if (kind === 'audio') track.enabled = this.microphoneOn;
    this.replace(kind, track);
    return track;
  }

  private replace(kind: 'audio' | 'video', track: MediaStreamTrack | null): void {
    const old = this.track(kind);
    if (old) {
      old.stop();
      this.stream.removeTrack(old);
    }
    if (track) this.stream.addTrack(track);
  }
}
