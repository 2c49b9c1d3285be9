#!/usr/bin/env python3
"""Checks Spanlab's exports the way a Python training script reads them.

Usage: python3 check_exports.py MANIFEST.json

The manifest names a reference (the lossless spanlab-jsonl export of the same documents)
and the exports to check:

  {"reference": "ref.jsonl",
   "exports": [{"format": "conll", "path": "out.conll"}, ...],
   "splits": [{"format": "spanlab-jsonl", "path": "split-dir"}, ...]}

For every format: offsets are exact (Python's text[start:end] is the span's text, and
tokens, in order, are exactly the text without its whitespace), one tag per token in a
well-formed sequence, every entity span written is a mention of the reference with its
label, every event argument refers to an exported mention. For splits: no document is in
two splits, and every document is in one. Prints one line per check; exits 1 on failure.
Standard library only.
"""

import json
import os
import sys

failures = []


def fail(where, message):
    failures.append(f"{where}: {message}")


def read_lines(path):
    # newline='' keeps CRLF as it is: offsets count every character.
    with open(path, encoding="utf-8", newline="") as f:
        return [line for line in f.read().split("\n") if line.strip() != ""]


def read_jsonl(path):
    return [json.loads(line) for line in read_lines(path)]


class Reference:
    def __init__(self, path):
        lines = read_jsonl(path)
        if "format" not in lines[0]:
            fail(path, "the first line is not the spanlab-jsonl header")
        self.docs = [d for d in lines if "format" not in d]
        self.by_id = {d["id"]: d for d in self.docs}
        self.index = {d["id"]: i for i, d in enumerate(self.docs)}
        # (document index, start, end, label) of every typed mention.
        self.spans = {
            (i, m["start"], m["end"], m["label"])
            for i, d in enumerate(self.docs)
            for m in d["mentions"]
            if m["label"] is not None
        }


class Cursor:
    """Walks the reference texts token by token, giving each token its code-point offsets."""

    def __init__(self, ref, where):
        self.ref, self.where, self.doc, self.pos = ref, where, 0, 0

    def text(self):
        return self.ref.docs[self.doc]["text"]

    def skip_space(self):
        text = self.text()
        while self.pos < len(text) and text[self.pos].isspace():
            self.pos += 1
        return self.pos == len(text)

    def start_document(self, index):
        self.finish_document()
        self.doc, self.pos = index, 0

    def finish_document(self):
        if self.doc < len(self.ref.docs) and not self.skip_space():
            fail(self.where, f"document {self.ref.docs[self.doc]['id']}: text left over at {self.pos}")

    def locate(self, token, auto_next=True):
        while self.skip_space():
            if not auto_next or self.doc + 1 >= len(self.ref.docs):
                fail(self.where, f"token {token!r} is past the end of the text")
                return (self.doc, self.pos, self.pos)
            self.doc, self.pos = self.doc + 1, 0
        text = self.text()
        if text[self.pos:self.pos + len(token)] != token:
            fail(self.where, f"token {token!r} is not the text at {self.pos}: {text[self.pos:self.pos + len(token)]!r}")
        start = self.pos
        self.pos += len(token)
        return (self.doc, start, self.pos)


def decode(tags, scheme, where):
    """Token ranges (first, last, label) of a tag sequence; checks it is well formed."""
    spans, open_label, first = [], None, None
    for i, tag in enumerate(tags):
        if tag == "O":
            if scheme == "bioes" and open_label is not None:
                fail(where, f"token {i}: a {open_label} mention has no E- tag")
            open_label = None
            continue
        prefix, label = tag[:2], tag[2:]
        if prefix not in (("B-", "I-", "E-", "S-") if scheme == "bioes" else ("B-", "I-")) or not label:
            fail(where, f"token {i}: {tag!r} is not a {scheme} tag")
            continue
        if prefix in ("B-", "S-"):
            if scheme == "bioes" and open_label is not None:
                fail(where, f"token {i}: a {open_label} mention has no E- tag")
            first, open_label = i, label
        elif open_label != label:
            fail(where, f"token {i}: {tag} continues nothing")
            continue
        ends = prefix == "S-" or prefix == "E-" or (
            scheme == "iob2" and (i + 1 == len(tags) or not tags[i + 1].startswith("I-"))
        )
        if ends:
            spans.append((first, i, label))
            open_label = None
    if scheme == "bioes" and open_label is not None:
        fail(where, f"a {open_label} mention has no E- tag at the end")
    return spans


def check_entity(ref, where, doc, start, end, label):
    if (doc, start, end, label) not in ref.spans:
        text = ref.docs[doc]["text"][start:end]
        fail(where, f"{label} {text!r} ({start}-{end}) is not a mention of document {ref.docs[doc]['id']}")


# --- the formats --------------------------------------------------------------------


def check_spanlab_jsonl(ref, path):
    lines = read_jsonl(path)
    docs = [d for d in lines if "format" not in d]
    for d in docs:
        text, where = d["text"], f"{path} {d['id']}"
        mentions = {m["id"] for m in d["mentions"]}
        for m in d["mentions"]:
            if text[m["start"]:m["end"]] != m["text"]:
                fail(where, f"{m['id']}: text[{m['start']}:{m['end']}] is {text[m['start']:m['end']]!r}, not {m['text']!r}")
        events = {e["id"] for e in d["events"]}
        for e in d["events"]:
            if e["trigger"] not in mentions:
                fail(where, f"{e['id']}: no trigger {e['trigger']}")
            for a in e["arguments"]:
                if a.get("mention", "") not in mentions and a.get("event", "") not in events:
                    fail(where, f"{e['id']}: argument {a} refers to nothing exported")
        for r in d["relations"]:
            if r["from"] not in mentions or r["to"] not in mentions:
                fail(where, f"{r['id']}: a relation end is not exported")
    return len(docs)


def check_brat(ref, path):
    count = 0
    for name in sorted(os.listdir(path)):
        if not name.endswith(".txt"):
            continue
        count += 1
        stem = name[:-4]
        with open(os.path.join(path, name), encoding="utf-8", newline="") as f:
            text = f.read()
        where = f"{path}/{stem}"
        if stem in ref.by_id and ref.by_id[stem]["text"] != text:
            fail(where, ".txt is not the document's text")
        ids, pointers = set(), []
        for line in read_lines(os.path.join(path, stem + ".ann")):
            fields = line.split("\t")
            ident, body = fields[0], fields[1]
            ids.add(ident)
            if ident.startswith("T"):
                kind, offsets = body.split(" ", 1)
                pieces = []
                for fragment in offsets.split(";"):
                    s, e = (int(x) for x in fragment.split(" "))
                    pieces.append(text[s:e])
                if " ".join(pieces) != fields[2]:
                    fail(where, f"{ident}: text at {offsets} is {' '.join(pieces)!r}, not {fields[2]!r}")
            elif ident.startswith("E"):
                pointers += [part.split(":")[1] for part in body.split(" ")]
            elif ident.startswith("R"):
                pointers += [part.split(":")[1] for part in body.split(" ")[1:]]
            elif ident == "*":
                pointers += body.split(" ")[1:]
            elif ident[0] in "AN#":
                pointers.append(body.split(" ")[1])
        for p in pointers:
            if p not in ids:
                fail(where, f"{p} is referred to but not written")
    return count


def check_columns(ref, path, scheme, separator, docstart):
    where = path
    cursor = Cursor(ref, where)
    sentence, located = [], []
    docs = 0

    def end_sentence():
        for first, last, label in decode([t for _, t in sentence], scheme, where):
            doc, start, _ = located[first]
            check_entity(ref, where, doc, start, located[last][2], label)
        sentence.clear()
        located.clear()

    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    for line in lines:
        if line == "":
            end_sentence()
            continue
        columns = line.split(separator)
        if len(columns) != 2:
            fail(where, f"{line!r} is not one token and one tag")
            continue
        token, tag = columns
        if docstart and token == "-DOCSTART-":
            cursor.start_document(docs) if docs > 0 else None
            docs += 1
            continue
        sentence.append((token, tag))
        located.append(cursor.locate(token, auto_next=not docstart))
    end_sentence()
    cursor.finish_document()
    if cursor.doc != len(ref.docs) - 1:
        fail(where, f"the tokens cover {cursor.doc + 1} of {len(ref.docs)} documents")
    if docstart and docs != len(ref.docs):
        fail(where, f"{docs} -DOCSTART- lines for {len(ref.docs)} documents")
    return len(ref.docs)


def check_spacy(ref, path):
    lines = read_jsonl(path)
    for line in lines:
        text, where = line["text"], f"{path} {line['meta']['id']}"
        index = ref.index[line["meta"]["id"]]
        if text != ref.docs[index]["text"]:
            fail(where, "text differs from the document's")
        tokens = line["tokens"]
        for i, t in enumerate(tokens):
            ws = t["end"] < len(text) and text[t["end"]].isspace()
            if text[t["start"]:t["end"]] != t["text"] or t["id"] != i or t["ws"] != ws:
                fail(where, f"token {i} {t} does not match the text")
        for s in line["spans"]:
            if tokens[s["token_start"]]["start"] != s["start"] or tokens[s["token_end"]]["end"] != s["end"]:
                fail(where, f"span {s} does not match its tokens")
            check_entity(ref, where, index, s["start"], s["end"], s["label"])
    return len(lines)


def check_doccano(ref, path):
    lines = read_jsonl(path)
    for line in lines:
        where, index = f"{path} {line['id']}", ref.index[line["id"]]
        if line["text"] != ref.docs[index]["text"]:
            fail(where, "text differs from the document's")
        if "label" in line:
            for s, e, label in line["label"]:
                check_entity(ref, where, index, s, e, label)
        else:
            ids = {x["id"] for x in line["entities"]}
            for x in line["entities"]:
                check_entity(ref, where, index, x["start_offset"], x["end_offset"], x["label"])
            for r in line["relations"]:
                if r["from_id"] not in ids or r["to_id"] not in ids:
                    fail(where, f"relation {r} refers to an entity not exported")
    return len(lines)


def check_hf(ref, path, data_file="data.jsonl"):
    with open(os.path.join(path, "labels.json"), encoding="utf-8") as f:
        id2label = {int(k): v for k, v in json.load(f)["id2label"].items()}
    rows = read_jsonl(os.path.join(path, data_file))
    cursor, current = Cursor(ref, path), None
    for row in rows:
        where = f"{path} {row['id']}"
        if len(row["tokens"]) != len(row["ner_tags"]):
            fail(where, "not one tag per token")
        index = ref.index[row["document"]]
        if current != row["document"]:
            cursor.start_document(index) if current is not None else None
            cursor.doc, current = index, row["document"]
        located = [cursor.locate(t, auto_next=False) for t in row["tokens"]]
        tags = [id2label.get(t, "?") for t in row["ner_tags"]]
        for first, last, label in decode(tags, "iob2", where):
            check_entity(ref, where, index, located[first][1], located[last][2], label)
    cursor.finish_document()
    return len({row["document"] for row in rows})


def check_dygiepp(ref, path):
    lines = read_jsonl(path)
    for line in lines:
        where, index = f"{path} {line['doc_key']}", ref.index[line["doc_key"]]
        cursor = Cursor(ref, where)
        cursor.doc = index
        located, bounds = [], []
        for sentence in line["sentences"]:
            bounds.append((len(located), len(located) + len(sentence)))
            located += [cursor.locate(t, auto_next=False) for t in sentence]
        cursor.finish_document()
        ner = set()
        for k, spans in enumerate(line["ner"]):
            for s, e, label in spans:
                if not (bounds[k][0] <= s <= e < bounds[k][1]):
                    fail(where, f"ner {[s, e, label]} is not in sentence {k}")
                    continue
                ner.add((k, s, e))
                check_entity(ref, where, index, located[s][1], located[e][2], label)
        for k, relations in enumerate(line["relations"]):
            for s1, e1, s2, e2, _ in relations:
                if (k, s1, e1) not in ner or (k, s2, e2) not in ner:
                    fail(where, f"relation in sentence {k} refers to a span not in ner")
        for k, events in enumerate(line["events"]):
            for event in events:
                (trigger, _), arguments = event[0], event[1:]
                if not bounds[k][0] <= trigger < bounds[k][1]:
                    fail(where, f"trigger {trigger} is not in sentence {k}")
                for s, e, role in arguments:
                    if (k, s, e) not in ner:
                        fail(where, f"{role} argument {[s, e]} is not an exported mention of sentence {k}")
        flat = {(s, e) for _, s, e in ner}
        for cluster in line["clusters"]:
            for s, e in cluster:
                if (s, e) not in flat:
                    fail(where, f"cluster member {[s, e]} is not in ner")
    return len(lines)


def check_oneie(ref, path):
    windows = read_jsonl(path)
    cursor, current = Cursor(ref, path), None
    for w in windows:
        where, index = f"{path} {w['wnd_id']}", ref.index[w["doc_id"]]
        if current != w["doc_id"]:
            cursor.start_document(index) if current is not None else None
            cursor.doc, current = index, w["doc_id"]
        text = ref.docs[index]["text"]
        located = [cursor.locate(t, auto_next=False) for t in w["tokens"]]
        if text[located[0][1]:located[-1][2]] != w["text"]:
            fail(where, "the window's text is not the text of its tokens")

        def chars(start, end):
            return located[start][1], located[end - 1][2]

        ids = set()
        for m in w["entity_mentions"]:
            s, e = chars(m["start"], m["end"])
            if text[s:e] != m["text"]:
                fail(where, f"{m['id']}: tokens {m['start']}-{m['end']} are {text[s:e]!r}, not {m['text']!r}")
            check_entity(ref, where, index, s, e, m["entity_type"])
            ids.add(m["id"])
        for event in w["event_mentions"]:
            s, e = chars(event["trigger"]["start"], event["trigger"]["end"])
            if text[s:e] != event["trigger"]["text"]:
                fail(where, f"{event['id']}: the trigger's tokens are {text[s:e]!r}")
            for a in event["arguments"]:
                if a["entity_id"] not in ids:
                    fail(where, f"{event['id']}: argument {a['entity_id']} is not an exported mention of the window")
        for r in w["relation_mentions"]:
            for a in r["arguments"]:
                if a["entity_id"] not in ids:
                    fail(where, f"{r['id']}: {a['entity_id']} is not an exported mention of the window")
    cursor.finish_document()
    return len({w["doc_id"] for w in windows})


def check_split(ref, entry):
    path, seen = entry["path"], {}
    for split in ("train", "dev", "test"):
        name = next(n for n in os.listdir(path) if n.startswith(split + "."))
        for line in read_jsonl(os.path.join(path, name)):
            if "format" in line:
                continue
            doc = line.get("document", line.get("id"))
            if doc in seen and seen[doc] != split:
                fail(path, f"document {doc} is in {seen[doc]} and {split}")
            seen[doc] = split
    if set(seen) != set(ref.by_id):
        fail(path, f"{len(set(ref.by_id) - set(seen))} documents are in no split")
    return len(seen)


CHECKS = {
    "spanlab-jsonl": check_spanlab_jsonl,
    "brat": check_brat,
    "conll": lambda ref, p: check_columns(ref, p, "iob2", " ", True),
    "iob2": lambda ref, p: check_columns(ref, p, "iob2", "\t", False),
    "bioes": lambda ref, p: check_columns(ref, p, "bioes", "\t", False),
    "spacy-jsonl": check_spacy,
    "doccano": check_doccano,
    "hf": check_hf,
    "dygiepp": check_dygiepp,
    "oneie": check_oneie,
}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        manifest = json.load(f)
    ref = Reference(manifest["reference"])
    for entry in manifest["exports"]:
        before = len(failures)
        documents = CHECKS[entry["format"]](ref, entry["path"])
        status = "ok" if len(failures) == before else "FAILED"
        print(f"{status} {entry['format']}{' ' + entry['label'] if 'label' in entry else ''}: {documents} documents")
    for entry in manifest.get("splits", []):
        before = len(failures)
        documents = check_split(ref, entry)
        print(f"{'ok' if len(failures) == before else 'FAILED'} split {entry['format']}: {documents} documents in one split each")
    for failure in failures[:50]:
        print(f"  {failure}", file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
