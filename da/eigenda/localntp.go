package eigenda

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"sync/atomic"
	"time"
)

// LocalNTP is a loopback NTP server that reports the host clock. EigenDA's
// DisperserClient insists on an NTP server (pool.ntp.org when none is
// given); pointing it here keeps the payment clock on the host's own time
// without a packet leaving the machine.
type LocalNTP struct {
	conn    net.PacketConn
	queries atomic.Int64
	done    chan struct{}
}

// ntpEpochOffset is the seconds from 1900-01-01 (NTP) to 1970-01-01 (Unix).
const ntpEpochOffset = 2208988800

// StartLocalNTP listens on 127.0.0.1 (a free UDP port) and serves NTP.
func StartLocalNTP() (*LocalNTP, error) {
	conn, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("eigenda: local NTP: %w", err)
	}
	n := &LocalNTP{conn: conn, done: make(chan struct{})}
	go n.serve()
	return n, nil
}

// Addr is the host:port to give the disperser client.
func (n *LocalNTP) Addr() string { return n.conn.LocalAddr().String() }

// Queries counts the requests answered.
func (n *LocalNTP) Queries() int64 { return n.queries.Load() }

// Close stops the server.
func (n *LocalNTP) Close() error {
	err := n.conn.Close()
	<-n.done
	return err
}

func (n *LocalNTP) serve() {
	defer close(n.done)
	buf := make([]byte, 512)
	for {
		size, from, err := n.conn.ReadFrom(buf)
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			continue
		}
		received := time.Now()
		req := buf[:size]
		if size < 48 || req[0]&0x7 != 3 { // client mode only
			continue
		}
		var resp [48]byte
		version := (req[0] >> 3) & 0x7
		resp[0] = version<<3 | 4 // leap 0, server mode
		resp[1] = 1              // stratum 1: this host is the reference
		resp[2] = req[2]         // poll
		resp[3] = 0xEC           // precision 2^-20 s
		copy(resp[12:16], "LOCL")
		putNTPTime(resp[16:24], received) // reference time
		copy(resp[24:32], req[40:48])     // origin = client's transmit time
		putNTPTime(resp[32:40], received)
		putNTPTime(resp[40:48], time.Now())
		if _, err := n.conn.WriteTo(resp[:], from); err == nil {
			n.queries.Add(1)
		}
	}
}

func putNTPTime(b []byte, t time.Time) {
	secs := uint64(t.Unix()) + ntpEpochOffset
	frac := uint64(t.Nanosecond()) << 32 / 1e9
	binary.BigEndian.PutUint64(b, secs<<32|frac)
}
