import { RECORDING_CHUNK_MAX_BYTES, WEBM_MAGIC } from "../../../worker/domain/recordings/rules";

export interface RecordingPiece {
  seq: number;
  piece: Blob;
}

/**
 * What a recorder handed over, cut into the numbered pieces the server stores in order. Data waiting while a piece
 * is being sent joins the next piece (up to the piece size limit). A piece, once formed, never changes until it is
 * stored, so sending it again after a lost answer is safe.
 */
export class RecordingPieces {
  private readonly waiting: Blob[] = [];
  private current: RecordingPiece | null = null;
  private nextSeq = 0;

  constructor(private readonly contentType: string) {}

  add(data: Blob): void {
    if (data.size) this.waiting.push(data);
  }

  /**
   * The piece to send now, or null when there is nothing to send yet. The first piece must hold the whole WebM
   * signature (a busy recorder may hand over its first byte alone), unless the recording is over.
   */
  next(over = false): RecordingPiece | null {
    if (this.current || !this.waiting.length) return this.current;
    let count = 1;
    let size = this.waiting[0].size;
    while (count < this.waiting.length && size + this.waiting[count].size <= RECORDING_CHUNK_MAX_BYTES) {
      size += this.waiting[count++].size;
    }
    if (this.nextSeq === 0 && size < WEBM_MAGIC.length && !over) return null;
    this.current = { seq: this.nextSeq, piece: new Blob(this.waiting.splice(0, count), { type: this.contentType }) };
    return this.current;
  }

  /** The server stored the current piece. */
  stored(): void {
    if (!this.current) return;
    this.nextSeq = this.current.seq + 1;
    this.current = null;
  }

  /** The server refused the current piece itself: nothing after it can follow. */
  clear(): void {
    this.current = null;
    this.waiting.length = 0;
  }
}
