import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { saveFreelancerProfile } from "../domain/profiles/freelancer";
import { testContext } from "../test-support/context";
import { projectBody, uniqueWord } from "../test-support/market";
import { callApi, createTestUser } from "../test-support/users";

/** A run of `length` random characters from `alphabet`: text no other test writes. */
function uniqueRun(alphabet: string, length: number): string {
  const letters = [...alphabet];
  return Array.from(crypto.getRandomValues(new Uint32Array(length)), (n) => letters[n % letters.length]).join("");
}
const HAN = "林森海山川风雨雪星月云花草竹松梅兰菊桥塔城村港湾岛湖泉石玉金银铜铁";
const ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";

async function postAs(token: string, title: string, description?: string): Promise<string> {
  const posted = await callApi(SELF, "POST", "/api/projects", token, projectBody({ title, ...(description ? { description } : {}) }));
  expect(posted.status, JSON.stringify(posted.body)).toBe(201);
  return posted.body.project.id;
}

async function projectIds(q: string): Promise<string[]> {
  const found = await callApi(SELF, "GET", `/api/projects?q=${encodeURIComponent(q)}&limit=50`);
  expect(found.status, JSON.stringify(found.body)).toBe(200);
  return found.body.items.map((p: { id: string }) => p.id);
}

describe("search in any script (GET /api/projects, GET /api/freelancers)", () => {
  it("finds Chinese and Japanese text inside longer titles, and one- or two-character words", async () => {
    const owner = await createTestUser(env, { roles: ["client"] });
    const mark = uniqueRun(HAN, 6);
    const chinese = await postAs(owner.accessToken, `为${mark}公司开发移动应用和管理后台`);
    const japanese = await postAs(owner.accessToken, `${mark}向けのスマートフォンアプリ開発をお願いします`);

    expect(await projectIds(`${mark}公司开发移动应用`)).toEqual([chinese]);
    // The issue's own example: a part of a longer title, no spaces anywhere.
    expect(await projectIds("移动应用")).toContain(chinese);
    expect(await projectIds(`${mark} スマートフォンアプリ`)).toEqual([japanese]);
    expect(await projectIds("アプリ開発")).toContain(japanese);
    // Under three characters the trigram index cannot serve; the newest projects are compared in place.
    const pair = uniqueRun(HAN, 2);
    const short = await postAs(owner.accessToken, `网站${pair}设计`);
    expect(await projectIds(pair)).toEqual([short]);
    expect(await projectIds(`${mark} 公司`)).toEqual([chinese]);
    // Words in other scripts are not found where they are not.
    expect(await projectIds(`${mark}海外`)).toEqual([]);
  });

  it("finds Arabic words inside longer words (articles and prefixes joined to them)", async () => {
    const owner = await createTestUser(env, { roles: ["client"] });
    const mark = uniqueRun(ARABIC, 7);
    const id = await postAs(
      owner.accessToken,
      `نبحث عن مطور ${mark} لتطبيقات الجوال`,
      `تصميم واجهات المستخدم للتطبيقات ${mark} باللغة العربية.`,
    );
    expect(await projectIds(`${mark} تطبيقات`)).toEqual([id]);
    expect(await projectIds(`تطبيقات ${mark}`)).toEqual([id]);
    expect(await projectIds(`${mark.slice(1)} الجوال`)).toEqual([id]);
  });

  it("folds accents both ways and finds parts of Latin words the word index does not know", async () => {
    const owner = await createTestUser(env, { roles: ["client"] });
    const word = uniqueWord();
    const accented = await postAs(owner.accessToken, `${word} café menu and crème brûlée photos`);
    const plain = await postAs(owner.accessToken, `${word} cafe loyalty app for a creme shop`);
    expect((await projectIds(`${word} cafe`)).sort()).toEqual([accented, plain].sort());
    expect((await projectIds(`${word} CAFÉ`)).sort()).toEqual([accented, plain].sort());
    expect(await projectIds(`${word} brulee`)).toEqual([accented]);

    // A part of a word: the word index knows no "…zürichbau" word, so the trigram index answers, accents folded.
    const glued = await postAs(owner.accessToken, `Website for ${word}Zürichbau engineering`);
    expect(await projectIds(`${word}zurich`)).toEqual([glued]);
    expect(await projectIds(`${word.slice(2)}zürich`)).toEqual([glued]);
    const partial = await callApi(SELF, "GET", `/api/projects?q=${word}zurich`);
    expect(partial.body.total).toBe(1);
  });

  it("keeps English words on the word index and its ranking: title matches first, no partial-word extras", async () => {
    const owner = await createTestUser(env, { roles: ["client"] });
    const word = uniqueWord();
    const inDescription = await postAs(owner.accessToken, "Landing page refresh", `Copy mentions ${word} once among many other words.`);
    const inTitle = await postAs(owner.accessToken, `${word} landing page`);
    // Contains the word only as a part of a longer one: the word index, which found whole words, leaves it out.
    await postAs(owner.accessToken, `${word}ish landing page`);
    const found = await callApi(SELF, "GET", `/api/projects?q=${word}`);
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([inTitle, inDescription]);
    expect(found.body.didYouMean).toBeNull();
  });

  it("finds freelancers by Chinese, Arabic and accented text", async () => {
    const { ctx } = testContext(env);
    const han = uniqueRun(HAN, 5);
    const arabic = uniqueRun(ARABIC, 6);
    const word = uniqueWord();
    const { user } = await createTestUser(ctx, { roles: ["freelancer"] });
    await saveFreelancerProfile(ctx, user, {
      handle: uniqueWord("f"),
      headline: `${han}移动应用开发工程师`,
      bio: `مطور ${arabic} للتطبيقات. Based in São Paulo (${word}), office at ${word}Zürichbau.`,
      skills: ["React Native"],
    });
    const ids = async (q: string) => {
      const found = await callApi(SELF, "GET", `/api/freelancers?q=${encodeURIComponent(q)}`);
      expect(found.status).toBe(200);
      return found.body.items.map((f: { userId: string }) => f.userId);
    };
    expect(await ids(`${han}移动应用`)).toEqual([user.id]);
    expect(await ids(`${arabic} تطبيقات`)).toEqual([user.id]);
    expect(await ids(`${word} sao paulo`)).toEqual([user.id]);
    expect(await ids(`${word}zurich`)).toEqual([user.id]);
  });

  it('offers "did you mean" for misspelt skills, on projects, freelancers and the skills filter', async () => {
    const recat = await callApi(SELF, "GET", "/api/projects?q=recat");
    expect(recat.status).toBe(200);
    expect(recat.body.didYouMean).toBe("React");
    const javscript = await callApi(SELF, "GET", "/api/freelancers?q=javscript");
    expect(javscript.body.didYouMean).toBe("JavaScript");
    const word = uniqueWord();
    expect((await callApi(SELF, "GET", `/api/projects?q=${word}%20pyhton`)).body.didYouMean).toBe(`${word} Python`);
    // Nothing misspelt: nothing offered, even when nothing matches.
    expect((await callApi(SELF, "GET", `/api/projects?q=${word}`)).body.didYouMean).toBeNull();

    const filter = await callApi(SELF, "GET", "/api/freelancers?skills=javscript");
    expect(filter.status).toBe(422);
    expect(filter.body.error.message).toContain("Did you mean JavaScript?");
    expect(filter.body.error.fields.skills[0]).toContain("Did you mean JavaScript?");
  });
});
