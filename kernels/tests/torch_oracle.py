#!/usr/bin/env python3
"""Independent oracle for the CUDA backend: greedy tokens from PyTorch +
transformers (+ peft for an adapter) on the files paichain's Go code writes
(model.WriteSynthetic: config.json + model.safetensors; lora.WriteSynthetic:
adapter_config.json + adapter_model.safetensors).

  python3 kernels/tests/torch_oracle.py --model DIR [--adapter DIR] \
      --prompt 1,450,4996 --tokens 32 [--device cuda]

Prints {"tokens": [...]} on stdout. The model runs in float32 with TF32
disabled and eager attention, so its arithmetic is the reference's, not a
fused kernel's. Used by inference/gpu TestTorchOracle (build tag cuda).
"""
import argparse
import json
import sys


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--adapter")
    ap.add_argument("--prompt", required=True, help="comma-separated token ids")
    ap.add_argument("--tokens", type=int, default=32)
    ap.add_argument("--device", default="cuda")
    a = ap.parse_args()

    import torch
    from transformers import AutoModelForCausalLM

    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    dev = a.device if (a.device != "cuda" or torch.cuda.is_available()) else "cpu"
    model = AutoModelForCausalLM.from_pretrained(a.model, torch_dtype=torch.float32, attn_implementation="eager")
    if a.adapter:
        from peft import PeftModel

        model = PeftModel.from_pretrained(model, a.adapter)
    model.to(dev).eval()
    ids = torch.tensor([[int(t) for t in a.prompt.split(",")]], device=dev)
    out = []
    with torch.no_grad():
        past = None
        x = ids
        for _ in range(a.tokens):
            r = model(input_ids=x, past_key_values=past, use_cache=True)
            past = r.past_key_values
            # argmax returns the first maximal index: the lowest id on ties,
            # as sample.Argmax.
            nxt = int(torch.argmax(r.logits[0, -1]).item())
            out.append(nxt)
            x = torch.tensor([[nxt]], device=dev)
    json.dump({"tokens": out}, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
