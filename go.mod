module github.com/paichain/paichain

go 1.24.0

require github.com/urfave/cli/v2 v2.27.7

require (
	github.com/cpuguy83/go-md2man/v2 v2.0.7 // indirect
	github.com/russross/blackfriday/v2 v2.1.0 // indirect
	github.com/xrash/smetrics v0.0.0-20240521201337-686a1a2994c1 // indirect
)

// The patched op-geth tree built by node/fork.sh (make fork).
replace github.com/ethereum/go-ethereum => ./build/op-geth
