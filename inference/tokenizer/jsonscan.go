package tokenizer

import (
	"errors"
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// A minimal scanner for the two large parts of tokenizer.json, the vocab
// object and the merges array (hundreds of thousands of entries, which
// encoding/json decodes several times slower through reflection). Input
// has already passed encoding/json's validation as a json.RawMessage.

type jsonScanner struct {
	b []byte
	i int
}

var errJSONShape = errors.New("unexpected JSON")

func (s *jsonScanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

func (s *jsonScanner) expect(c byte) error {
	s.ws()
	if s.i >= len(s.b) || s.b[s.i] != c {
		return fmt.Errorf("%w at byte %d: want %q", errJSONShape, s.i, c)
	}
	s.i++
	return nil
}

// peek returns the next non-space byte, 0 at the end.
func (s *jsonScanner) peek() byte {
	s.ws()
	if s.i >= len(s.b) {
		return 0
	}
	return s.b[s.i]
}

func (s *jsonScanner) str() (string, error) {
	if err := s.expect('"'); err != nil {
		return "", err
	}
	start := s.i
	for s.i < len(s.b) {
		c := s.b[s.i]
		if c == '"' {
			out := string(s.b[start:s.i])
			s.i++
			return out, nil
		}
		if c == '\\' {
			return s.escapedStr(start)
		}
		s.i++
	}
	return "", fmt.Errorf("%w: unterminated string", errJSONShape)
}

func (s *jsonScanner) escapedStr(start int) (string, error) {
	out := append([]byte(nil), s.b[start:s.i]...)
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			s.i++
			return string(out), nil
		case c != '\\':
			out = append(out, c)
			s.i++
			continue
		}
		if s.i+1 >= len(s.b) {
			break
		}
		e := s.b[s.i+1]
		s.i += 2
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, err := s.hex4()
			if err != nil {
				return "", err
			}
			if utf16.IsSurrogate(r) {
				r2 := utf8.RuneError
				if s.i+1 < len(s.b) && s.b[s.i] == '\\' && s.b[s.i+1] == 'u' {
					save := s.i
					s.i += 2
					if lo, err := s.hex4(); err == nil && utf16.DecodeRune(r, lo) != utf8.RuneError {
						r2 = utf16.DecodeRune(r, lo)
					} else {
						s.i = save
					}
				}
				r = r2
			}
			out = utf8.AppendRune(out, r)
		default:
			return "", fmt.Errorf("%w: bad escape \\%c", errJSONShape, e)
		}
	}
	return "", fmt.Errorf("%w: unterminated string", errJSONShape)
}

func (s *jsonScanner) hex4() (rune, error) {
	if s.i+4 > len(s.b) {
		return 0, fmt.Errorf("%w: short \\u escape", errJSONShape)
	}
	v, err := strconv.ParseUint(string(s.b[s.i:s.i+4]), 16, 16)
	if err != nil {
		return 0, fmt.Errorf("%w: bad \\u escape", errJSONShape)
	}
	s.i += 4
	return rune(v), nil
}

func (s *jsonScanner) integer() (int, error) {
	s.ws()
	start := s.i
	if s.i < len(s.b) && s.b[s.i] == '-' {
		s.i++
	}
	for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
		s.i++
	}
	v, err := strconv.Atoi(string(s.b[start:s.i]))
	if err != nil {
		return 0, fmt.Errorf("%w at byte %d: want an integer", errJSONShape, start)
	}
	return v, nil
}

// scanVocab parses {"token": id, ...}.
func scanVocab(b []byte) (map[string]int, error) {
	s := &jsonScanner{b: b}
	if err := s.expect('{'); err != nil {
		return nil, err
	}
	vocab := make(map[string]int, len(b)/16)
	if s.peek() == '}' {
		return vocab, nil
	}
	for {
		k, err := s.str()
		if err != nil {
			return nil, err
		}
		if err := s.expect(':'); err != nil {
			return nil, err
		}
		v, err := s.integer()
		if err != nil {
			return nil, err
		}
		vocab[k] = v
		switch s.peek() {
		case ',':
			s.i++
		case '}':
			return vocab, nil
		default:
			return nil, fmt.Errorf("%w at byte %d in vocab", errJSONShape, s.i)
		}
	}
}

// scanMerges parses ["a b", ...] or [["a", "b"], ...].
func scanMerges(b []byte) ([]hfMerge, error) {
	s := &jsonScanner{b: b}
	if s.peek() == 'n' { // null
		return nil, nil
	}
	if err := s.expect('['); err != nil {
		return nil, err
	}
	var merges []hfMerge
	if s.peek() == ']' {
		return merges, nil
	}
	for n := 0; ; n++ {
		var m hfMerge
		if s.peek() == '[' {
			s.i++
			var parts []string
			for s.peek() != ']' {
				p, err := s.str()
				if err != nil {
					return nil, err
				}
				parts = append(parts, p)
				if s.peek() == ',' {
					s.i++
				}
			}
			s.i++
			if len(parts) != 2 {
				return nil, fmt.Errorf("merge %d %q does not have two tokens", n, parts)
			}
			m = hfMerge{parts[0], parts[1]}
		} else {
			str, err := s.str()
			if err != nil {
				return nil, err
			}
			if err := m.fromString(str); err != nil {
				return nil, err
			}
		}
		merges = append(merges, m)
		switch s.peek() {
		case ',':
			s.i++
		case ']':
			return merges, nil
		default:
			return nil, fmt.Errorf("%w at byte %d in merges", errJSONShape, s.i)
		}
	}
}
