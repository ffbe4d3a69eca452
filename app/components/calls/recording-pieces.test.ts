import { describe, expect, it } from "vitest";
import { RECORDING_CHUNK_MAX_BYTES } from "../../../worker/domain/recordings/rules";
import { RecordingPieces } from "./recording-pieces";

const bytes = (...values: number[]) => new Blob([new Uint8Array(values)]);
const sized = (size: number) => new Blob([new Uint8Array(size)]);
const read = async (blob: Blob) => [...new Uint8Array(await blob.arrayBuffer())];

describe("cutting a recording into pieces", () => {
  it("holds back a first piece too short for the WebM signature until more arrives", async () => {
    const pieces = new RecordingPieces("video/webm");
    pieces.add(bytes(0x1a));
    expect(pieces.next()).toBeNull();
    pieces.add(bytes(0x45, 0xdf, 0xa3, 0x9f));
    const first = pieces.next();
    expect(first?.seq).toBe(0);
    expect(await read(first!.piece)).toEqual([0x1a, 0x45, 0xdf, 0xa3, 0x9f]);
    expect(first!.piece.type).toBe("video/webm");
  });

  it("sends a short first piece anyway once the recording is over", () => {
    const pieces = new RecordingPieces("audio/webm");
    pieces.add(bytes(0x1a));
    expect(pieces.next(true)?.piece.size).toBe(1);
  });

  it("keeps a piece unchanged until it is stored, and numbers the next one after it", async () => {
    const pieces = new RecordingPieces("video/webm");
    pieces.add(bytes(0x1a, 0x45, 0xdf, 0xa3));
    const first = pieces.next()!;
    pieces.add(bytes(1));
    pieces.add(bytes(2, 3));
    expect(pieces.next()).toBe(first);
    pieces.stored();
    const second = pieces.next()!;
    expect(second.seq).toBe(1);
    expect(await read(second.piece)).toEqual([1, 2, 3]);
    pieces.stored();
    expect(pieces.next()).toBeNull();
    pieces.add(bytes(4));
    expect(pieces.next()?.seq).toBe(2);
  });

  it("joins waiting data only up to the size limit of a piece", () => {
    const pieces = new RecordingPieces("video/webm");
    pieces.add(sized(RECORDING_CHUNK_MAX_BYTES - 10));
    pieces.add(sized(10));
    pieces.add(sized(1));
    expect(pieces.next()?.piece.size).toBe(RECORDING_CHUNK_MAX_BYTES);
    pieces.stored();
    expect(pieces.next()?.piece.size).toBe(1);
  });

  it("drops everything after a refused piece", () => {
    const pieces = new RecordingPieces("video/webm");
    pieces.add(sized(100));
    pieces.next();
    pieces.add(sized(5));
    pieces.clear();
    expect(pieces.next()).toBeNull();
  });
});
