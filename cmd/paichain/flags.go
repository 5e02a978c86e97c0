package main

import (
	"net"
	"strconv"

	"github.com/urfave/cli/v2"
)

// httpFlags are the geth-style listen flags every paichain server takes.
// Servers bind to loopback unless the operator says otherwise.
func httpFlags(defaultPort int) []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "http.addr", Value: "127.0.0.1", Usage: "HTTP server listening interface"},
		&cli.IntFlag{Name: "http.port", Value: defaultPort, Usage: "HTTP server listening port"},
	}
}

// httpListenAddr joins the --http.addr and --http.port flags.
func httpListenAddr(c *cli.Context) string {
	return net.JoinHostPort(c.String("http.addr"), strconv.Itoa(c.Int("http.port")))
}
