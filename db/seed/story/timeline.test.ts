import { describe, expect, it } from "vitest";
import { Timeline } from "./timeline";

describe("the story's timeline", () => {
  it("interleaves threads by their moments, forks included", async () => {
    let clock = 0;
    const seen: string[] = [];
    const timeline = new Timeline((ms) => void (clock = ms));
    const step = async (name: string, at: number) => {
      await timeline.wait(at);
      seen.push(`${name}@${clock}`);
    };
    await timeline.tell([
      async () => {
        await step("a", 1);
        timeline.fork(async () => {
          await step("a-fork", 2);
          await step("a-fork", 6);
        });
        await step("a", 5);
      },
      async () => {
        await step("b", 3);
        await step("b", 4);
      },
    ]);
    expect(seen).toEqual(["a@1", "a-fork@2", "b@3", "b@4", "a@5", "a-fork@6"]);
  });

  it("refuses a thread that goes back in time", async () => {
    const timeline = new Timeline(() => {});
    const story = timeline.tell([
      async () => {
        await timeline.wait(10);
        await timeline.wait(5);
      },
    ]);
    await expect(story).rejects.toThrow(/went back in time/);
  });
});
