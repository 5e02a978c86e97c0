package sequencer

// Abandon stops s the way kill -9 would, for restart tests: the journal
// takes no further writes (nothing is compacted or flushed), in-flight
// sidecar calls are cut, and nothing else is cleaned up. Close becomes a
// no-op, so it cannot remove the hook of a successor.
func (s *Sequencer) Abandon() {
	s.closed.Do(func() {
		if s.journal != nil {
			s.journal.close()
		}
		s.backend.Miner().SetInclusionHook(nil)
		s.stop()
	})
}
