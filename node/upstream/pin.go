// Package upstream pins the pristine op-geth module that node/fork.sh patches;
// go.sum here holds its checksum, so `go mod verify` proves the copy is pristine.
package upstream

import _ "github.com/ethereum/go-ethereum/core/vm"
