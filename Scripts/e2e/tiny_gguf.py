"""Writes a tiny llama model with random weights as GGUF, for the end-to-end tests.

    python tiny_gguf.py OUTPUT.gguf [--seed N]

No model can be downloaded here, so the end-to-end tests make one: a 2-layer llama with a
SentencePiece-style vocabulary (the 256 `<0xNN>` byte tokens, without which llama.cpp aborts on a
newline, and a few hundred ASCII word pieces). Its answers are gibberish, but they are real tokens
produced and streamed by a real server. The same seed gives the same file.

Two shapings keep the gibberish readable and the tests deterministic:
- Dimension 0 of every token embedding is a large constant, and no layer writes to it, so the last
  hidden state always has a positive component there.
- The output rows of the control tokens (`<unk>`, `<s>`, `</s>`) and of the bytes 0x80-0xFF are
  strongly negative along that dimension: the model never ends early and never emits a lone UTF-8
  continuation byte (llama-cpp-python drops such partial characters from streams but not from whole
  answers, which would make the two disagree for a reason that is not ours).
"""

import argparse
import string

import numpy as np
import gguf

EMBEDDING = 64
LAYERS = 2
HEADS = 4
FEED_FORWARD = 128
CONTEXT = 512

WORDS = """the of and to in is was for on that with as by at from it an be this which or are
have not but had his they you were their one all we can her has there been if more when will would
who so no she other its may these about than into them only some could time two new like then first
any my now such over our out also new up what model data token stream server swift deep learning
fast small hello world answer question light sound river stone cloud green quiet bright window
garden number letter paper music story city water fire earth wind night morning happy simple""".split()


def vocabulary():
    """Tokens, scores and token types in SentencePiece order: specials, bytes, then pieces."""
    tokens = ["<unk>", "<s>", "</s>"] + [f"<0x{b:02X}>" for b in range(256)]
    types = [gguf.TokenType.UNKNOWN, gguf.TokenType.CONTROL, gguf.TokenType.CONTROL] + [gguf.TokenType.BYTE] * 256
    pieces = ["\u2581"]
    pieces += list(string.ascii_letters + string.digits + string.punctuation)
    pieces += ["\u2581" + c for c in string.ascii_letters + string.digits]
    for word in dict.fromkeys(WORDS):
        pieces += ["\u2581" + word, word]
    pieces = list(dict.fromkeys(pieces))
    tokens += pieces
    types += [gguf.TokenType.NORMAL] * len(pieces)
    # Longer pieces score higher, so the tokenizer merges into whole words where it can.
    scores = [0.0] * 259 + [float(len(p)) for p in pieces]
    return tokens, scores, types


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    random = np.random.default_rng(arguments.seed)
    tokens, scores, types = vocabulary()
    vocab = len(tokens)

    writer = gguf.GGUFWriter(arguments.output, "llama")
    writer.add_name("hf-swift-e2e-tiny-llama")
    writer.add_context_length(CONTEXT)
    writer.add_embedding_length(EMBEDDING)
    writer.add_block_count(LAYERS)
    writer.add_feed_forward_length(FEED_FORWARD)
    writer.add_head_count(HEADS)
    writer.add_head_count_kv(HEADS)
    writer.add_layer_norm_rms_eps(1e-5)
    writer.add_rope_dimension_count(EMBEDDING // HEADS)
    writer.add_file_type(gguf.LlamaFileType.ALL_F32)
    writer.add_tokenizer_model("llama")
    writer.add_token_list(tokens)
    writer.add_token_scores(scores)
    writer.add_token_types(types)
    writer.add_bos_token_id(1)
    writer.add_eos_token_id(2)
    writer.add_unk_token_id(0)
    writer.add_add_bos_token(True)
    writer.add_add_eos_token(False)

    def weights(*shape, scale=0.5):
        return (random.standard_normal(shape) * scale).astype(np.float32)

    embedding = weights(vocab, EMBEDDING)
    embedding[:, 0] = 4.0
    output = weights(vocab, EMBEDDING)
    output[:, 0] = 0.0
    never = [0, 1, 2] + [3 + b for b in range(0x80, 0x100)]
    output[never, :] = 0.0
    output[never, 0] = -50.0
    writer.add_tensor("token_embd.weight", embedding)
    writer.add_tensor("output_norm.weight", np.ones(EMBEDDING, dtype=np.float32))
    writer.add_tensor("output.weight", output)
    for layer in range(LAYERS):
        # numpy rows are a matrix's outputs: row 0 of the projections back into the residual
        # stream is zero, so dimension 0 keeps the embedding's constant.
        attention_output = weights(EMBEDDING, EMBEDDING, scale=0.2)
        attention_output[0, :] = 0.0
        down = weights(EMBEDDING, FEED_FORWARD, scale=0.2)
        down[0, :] = 0.0
        tensors = {
            "attn_norm": np.ones(EMBEDDING, dtype=np.float32),
            "attn_q": weights(EMBEDDING, EMBEDDING, scale=0.2),
            "attn_k": weights(EMBEDDING, EMBEDDING, scale=0.2),
            "attn_v": weights(EMBEDDING, EMBEDDING, scale=0.2),
            "attn_output": attention_output,
            "ffn_norm": np.ones(EMBEDDING, dtype=np.float32),
            "ffn_gate": weights(FEED_FORWARD, EMBEDDING, scale=0.2),
            "ffn_up": weights(FEED_FORWARD, EMBEDDING, scale=0.2),
            "ffn_down": down,
        }
        for name, value in tensors.items():
            writer.add_tensor(f"blk.{layer}.{name}.weight", value)

    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


if __name__ == "__main__":
    main()
