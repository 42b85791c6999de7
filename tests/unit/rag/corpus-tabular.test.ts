import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../rag/corpus/csv";
import { formatIssue } from "../../../rag/corpus/issues";
import { parseFieldMapping, readCsvRows, readJsonRows } from "../../../rag/corpus/tabular";

describe("CSV", () => {
  it("handles quotes, escaped quotes, line breaks in fields and the delimiter from the header", () => {
    const records = parseCsv('id;title;body\n1;"Say ""hi""";"two\nlines"\r\n2;plain;x\n');
    expect(records).toEqual([
      { line: 1, fields: ["id", "title", "body"] },
      { line: 2, fields: ["1", 'Say "hi"', "two\nlines"] },
      { line: 4, fields: ["2", "plain", "x"] },
    ]);
  });
});

describe("table corpora with a field mapping", () => {
  it("maps JSONL rows to documents, joining several body fields", () => {
    const mapping = parseFieldMapping("id=slug,title=name,body=description+requirements,url=link,keywords=tags");
    const text = [
      JSON.stringify({
        slug: "Business Permit",
        name: "Business permit",
        description: "Apply online.",
        requirements: ["ID", "KRA PIN"],
        link: "https://ecitizen.go.ke/bp",
        tags: "permit; trade",
      }),
      "",
      JSON.stringify({ slug: "x2", name: "Second", description: null }),
    ].join("\n");
    const { documents, issues } = readJsonRows(text, { mapping, defaultLang: "en", source: "kenya.jsonl" });
    expect(documents[0]).toMatchObject({
      serviceId: "business-permit",
      lang: "en",
      title: "Business permit",
      body: "Apply online.\n\nID\nKRA PIN",
      sourceUrl: "https://ecitizen.go.ke/bp",
      keywords: ["permit", "trade"],
      bodyLine: 1,
      source: "kenya.jsonl:1",
    });
    expect(documents[1]).toMatchObject({ serviceId: "x2", body: "Second" });
    expect(issues.map(formatIssue)).toEqual(["kenya.jsonl:3: warning: no body text; the title is used as the body"]);
  });

  it("reports bad rows with their line and the source field", () => {
    const csv = "id,name,language,body\nok,Title,ru,Текст\nbad,,ru,Text\nx,Title,de,Text\ny,Title\n";
    const { documents, issues } = readCsvRows(csv, {
      mapping: parseFieldMapping("title=name,lang=language"),
      source: "c.csv",
    });
    expect(documents.map((d) => d.serviceId)).toEqual(["ok"]);
    expect(issues.map(formatIssue)).toEqual([
      'c.csv:3: title (from "name") must not be empty',
      'c.csv:4: lang (from "language") must be one of kk, ru, en',
      "c.csv:5: row has 2 fields, the header has 4",
    ]);
  });

  it("rejects a malformed mapping with the pair named", () => {
    expect(() => parseFieldMapping("title")).toThrow('--map: "title" must look like field=sourceField');
    expect(() => parseFieldMapping("colour=red")).toThrow(/unknown field "colour"/);
  });
});
