// Package chat renders chat conversations into prompt text with the chat
// templates of the supported model families. Each renderer reproduces the
// output of the family's official Hugging Face jinja chat_template (see
// chat_test.go for the goldens and where they come from).
package chat

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// Message is one turn of a conversation.
type Message struct {
	Role    string `json:"role"` // "system" | "user" | "assistant" (llama3/qwen/plain also take "tool")
	Content string `json:"content"`
}

// Errors Render returns; both mean the request is bad (HTTP 400).
var (
	ErrUnknownFamily = errors.New("chat: unknown model family")
	ErrConversation  = errors.New("chat: conversation not supported by the template")
)

// Families lists the families Render knows.
func Families() []string { return []string{"llama2", "llama3", "mistral", "qwen", "plain"} }

// Render formats msgs with the chat template of family ("llama2",
// "llama3", "mistral", "qwen" and the aliases "qwen2", "qwen3", "chatml",
// "llama2c" (plain), "plain"). With addGenerationPrompt the text ends where
// the assistant's answer begins. The text includes BOS where the official
// template writes it, so encode it without adding another.
func Render(family string, msgs []Message, addGenerationPrompt bool) (string, error) {
	if len(msgs) == 0 {
		return "", fmt.Errorf("%w: no messages", ErrConversation)
	}
	switch strings.ToLower(family) {
	case "llama2":
		return llama2(msgs)
	case "llama3":
		return llama3(msgs, addGenerationPrompt), nil
	case "mistral", "mixtral":
		return mistral(msgs)
	case "qwen", "qwen2", "qwen3", "chatml":
		return qwen(msgs, addGenerationPrompt), nil
	case "plain", "llama2c":
		return plain(msgs, addGenerationPrompt), nil
	}
	return "", fmt.Errorf("%w %q (known: %s)", ErrUnknownFamily, family, strings.Join(Families(), ", "))
}

// pyStrip is Python's str.strip(), which jinja's trim filter and .strip()
// call: Unicode whitespace plus the ASCII separators \x1c-\x1f.
func pyStrip(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f) })
}

// alternating checks the user/assistant/user/... order the llama2 and
// mistral templates enforce (they raise_exception otherwise).
func alternating(msgs []Message) error {
	for i, m := range msgs {
		want := "user"
		if i%2 == 1 {
			want = "assistant"
		}
		if m.Role != want {
			return fmt.Errorf("%w: message %d has role %q; after an optional system message roles must alternate user/assistant/...", ErrConversation, i, m.Role)
		}
	}
	return nil
}

// llama2 is meta-llama/Llama-2-*-chat-hf's template: the system prompt goes
// inside the first [INST] as <<SYS>>…<</SYS>>, every user turn opens with
// <s>, every assistant turn closes with </s>. It has no generation prompt:
// the text ends with " [/INST]" already.
func llama2(msgs []Message) (string, error) {
	system, hasSystem := "", false
	if msgs[0].Role == "system" {
		system, hasSystem, msgs = msgs[0].Content, true, msgs[1:]
	}
	if err := alternating(msgs); err != nil {
		return "", err
	}
	var b strings.Builder
	for i, m := range msgs {
		content := m.Content
		if i == 0 && hasSystem {
			content = "<<SYS>>\n" + system + "\n<</SYS>>\n\n" + content
		}
		if m.Role == "user" {
			b.WriteString("<s>[INST] " + pyStrip(content) + " [/INST]")
		} else {
			b.WriteString(" " + pyStrip(content) + " </s>")
		}
	}
	return b.String(), nil
}

// llama3 is meta-llama/Meta-Llama-3-8B-Instruct's template.
func llama3(msgs []Message, gen bool) string {
	var b strings.Builder
	b.WriteString("<|begin_of_text|>")
	for _, m := range msgs {
		b.WriteString("<|start_header_id|>" + m.Role + "<|end_header_id|>\n\n" + pyStrip(m.Content) + "<|eot_id|>")
	}
	if gen {
		b.WriteString("<|start_header_id|>assistant<|end_header_id|>\n\n")
	}
	return b.String()
}

// mistral is mistralai/Mistral-7B-Instruct-v0.2's (and Mixtral-8x7B-
// Instruct-v0.1's) template: <s>[INST] user [/INST]answer</s>[INST] ...
// The official template rejects a system message; we put it before the
// first user message, separated by a blank line, as Mistral's later
// templates do, rather than fail the request.
func mistral(msgs []Message) (string, error) {
	if msgs[0].Role == "system" {
		if len(msgs) < 2 || msgs[1].Role != "user" {
			return "", fmt.Errorf("%w: mistral needs a user message after the system message", ErrConversation)
		}
		first := Message{Role: "user", Content: msgs[0].Content + "\n\n" + msgs[1].Content}
		msgs = append([]Message{first}, msgs[2:]...)
	}
	if err := alternating(msgs); err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("<s>")
	for _, m := range msgs {
		if m.Role == "user" {
			b.WriteString("[INST] " + m.Content + " [/INST]")
		} else {
			b.WriteString(m.Content + "</s>")
		}
	}
	return b.String(), nil
}

// qwen is Qwen3's ChatML template (no tools): <|im_start|>role\n…<|im_end|>\n.
// Assistant turns after the last user query get Qwen3's <think> block: the
// last one always (empty if it has no reasoning), earlier ones only when
// they carry reasoning. Reasoning is written inline as <think>…</think>.
func qwen(msgs []Message, gen bool) string {
	var b strings.Builder
	if msgs[0].Role == "system" {
		b.WriteString("<|im_start|>system\n" + msgs[0].Content + "<|im_end|>\n")
	}
	lastQuery := len(msgs) - 1
	for i := len(msgs) - 1; i >= 0; i-- {
		c := msgs[i].Content
		if msgs[i].Role == "user" && !(strings.HasPrefix(c, "<tool_response>") && strings.HasSuffix(c, "</tool_response>")) {
			lastQuery = i
			break
		}
	}
	for i, m := range msgs {
		switch {
		case m.Role == "user" || (m.Role == "system" && i > 0):
			b.WriteString("<|im_start|>" + m.Role + "\n" + m.Content + "<|im_end|>\n")
		case m.Role == "assistant":
			content, reasoning := m.Content, ""
			if before, after, ok := cutLast(content, "</think>"); ok {
				content = strings.TrimLeft(after, "\n")
				r := strings.TrimRight(before, "\n")
				if k := strings.LastIndex(r, "<think>"); k >= 0 {
					r = r[k+len("<think>"):]
				}
				reasoning = strings.TrimLeft(r, "\n")
			}
			if i > lastQuery && (i == len(msgs)-1 || reasoning != "") {
				b.WriteString("<|im_start|>assistant\n<think>\n" + strings.Trim(reasoning, "\n") + "\n</think>\n\n" + strings.TrimLeft(content, "\n"))
			} else {
				b.WriteString("<|im_start|>assistant\n" + content)
			}
			b.WriteString("<|im_end|>\n")
		case m.Role == "tool":
			if i == 0 || msgs[i-1].Role != "tool" {
				b.WriteString("<|im_start|>user")
			}
			b.WriteString("\n<tool_response>\n" + m.Content + "\n</tool_response>")
			if i == len(msgs)-1 || msgs[i+1].Role != "tool" {
				b.WriteString("<|im_end|>\n")
			}
		}
	}
	if gen {
		b.WriteString("<|im_start|>assistant\n")
	}
	return b.String()
}

// cutLast splits s around the first "</think>" for the text after it and
// keeps everything before, like the template's split(...)[0] / [-1] for the
// usual single block: before is up to the first sep, after is past the last.
func cutLast(s, sep string) (before, after string, ok bool) {
	first := strings.Index(s, sep)
	if first < 0 {
		return "", s, false
	}
	last := strings.LastIndex(s, sep)
	return s[:first], s[last+len(sep):], true
}

// plain is the fallback for models without a chat format (base models,
// llama2.c stories): "Role: content" lines and "Assistant:" to answer.
func plain(msgs []Message, gen bool) string {
	var b strings.Builder
	for _, m := range msgs {
		role := m.Role
		if role != "" {
			role = strings.ToUpper(role[:1]) + role[1:]
		}
		b.WriteString(role + ": " + m.Content + "\n")
	}
	if gen {
		b.WriteString("Assistant:")
	}
	return b.String()
}
