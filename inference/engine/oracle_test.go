package engine

import (
	"math"

	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/model"
)

// oracle is an independent, deliberately plain float64 single-sequence
// forward pass: no paging, no batching, no shared kernels. The engine is
// checked against it.
type oracle struct {
	m       *model.Model
	adapter *lora.Adapter
	k, v    [][][]float64 // [layer][pos][kvdim]
}

func newOracle(m *model.Model, a *lora.Adapter) *oracle {
	o := &oracle{m: m, adapter: a}
	o.k = make([][][]float64, m.Config.NLayers)
	o.v = make([][][]float64, m.Config.NLayers)
	return o
}

func (o *oracle) linear(l int, module string, lin *model.Linear, x []float64) []float64 {
	y := make([]float64, lin.Out)
	for r := 0; r < lin.Out; r++ {
		var s float64
		for c := 0; c < lin.In; c++ {
			s += float64(lin.W[r*lin.In+c]) * x[c]
		}
		if lin.B != nil {
			s += float64(lin.B[r])
		}
		y[r] = s
	}
	if p := o.adapter.Pair(l, module); p != nil {
		t := make([]float64, p.R)
		for r := 0; r < p.R; r++ {
			for c := 0; c < p.In; c++ {
				t[r] += float64(p.A[r*p.In+c]) * x[c]
			}
		}
		for r := 0; r < p.Out; r++ {
			var s float64
			for k := 0; k < p.R; k++ {
				s += float64(p.B[r*p.R+k]) * t[k]
			}
			y[r] += float64(o.adapter.Scale) * s
		}
	}
	return y
}

func oNorm(x []float64, w []float32, eps float64) []float64 {
	var ss float64
	for _, v := range x {
		ss += v * v
	}
	inv := 1 / math.Sqrt(ss/float64(len(x))+eps)
	out := make([]float64, len(x))
	for i := range x {
		out[i] = float64(w[i]) * x[i] * inv
	}
	return out
}

func (o *oracle) rope(v []float64, heads, pos int) {
	c := o.m.Config
	hd := c.HeadDim
	inv := c.InvFreq()
	for h := 0; h < heads; h++ {
		x := v[h*hd : (h+1)*hd]
		for i := 0; i < hd/2; i++ {
			a := float64(pos) * inv[i]
			cs, sn := math.Cos(a), math.Sin(a)
			j0, j1 := i, i+hd/2
			if c.RopeInterleaved {
				j0, j1 = 2*i, 2*i+1
			}
			x0, x1 := x[j0], x[j1]
			x[j0] = x0*cs - x1*sn
			x[j1] = x0*sn + x1*cs
		}
	}
}

// step feeds token at the next position and returns the logits.
func (o *oracle) step(token int) []float64 {
	m, c := o.m, o.m.Config
	pos := len(o.k[0])
	x := make([]float64, c.Dim)
	for i := range x {
		x[i] = float64(m.Embed[token*c.Dim+i])
	}
	hd := c.HeadDim
	for l := range m.Layers {
		L := &m.Layers[l]
		xb := oNorm(x, L.AttnNorm, c.RMSEps)
		q := o.linear(l, "q_proj", &L.Q, xb)
		k := o.linear(l, "k_proj", &L.K, xb)
		v := o.linear(l, "v_proj", &L.V, xb)
		o.rope(q, c.NHeads, pos)
		o.rope(k, c.NKVHeads, pos)
		o.k[l] = append(o.k[l], k)
		o.v[l] = append(o.v[l], v)
		att := make([]float64, c.QDim())
		for h := 0; h < c.NHeads; h++ {
			kh := h / (c.NHeads / c.NKVHeads)
			start := 0
			if c.SlidingWindow > 0 {
				start = max(0, pos-c.SlidingWindow+1)
			}
			sc := make([]float64, pos+1-start)
			mx := math.Inf(-1)
			for t := start; t <= pos; t++ {
				var s float64
				for i := 0; i < hd; i++ {
					s += q[h*hd+i] * o.k[l][t][kh*hd+i]
				}
				sc[t-start] = s / math.Sqrt(float64(hd))
				mx = math.Max(mx, sc[t-start])
			}
			var sum float64
			for i := range sc {
				sc[i] = math.Exp(sc[i] - mx)
				sum += sc[i]
			}
			for t := start; t <= pos; t++ {
				for i := 0; i < hd; i++ {
					att[h*hd+i] += sc[t-start] / sum * o.v[l][t][kh*hd+i]
				}
			}
		}
		ao := o.linear(l, "o_proj", &L.O, att)
		for i := range x {
			x[i] += ao[i]
		}
		xb = oNorm(x, L.FFNNorm, c.RMSEps)
		g := o.linear(l, "gate_proj", &L.Gate, xb)
		u := o.linear(l, "up_proj", &L.Up, xb)
		for i := range g {
			g[i] = g[i] / (1 + math.Exp(-g[i])) * u[i]
		}
		d := o.linear(l, "down_proj", &L.Down, g)
		for i := range x {
			x[i] += d[i]
		}
	}
	xf := oNorm(x, m.Norm, c.RMSEps)
	logits := make([]float64, c.VocabSize)
	for r := range logits {
		var s float64
		for i := 0; i < c.Dim; i++ {
			s += float64(m.LMHead[r*c.Dim+i]) * xf[i]
		}
		logits[r] = s
	}
	return logits
}

func argmax64(v []float64) int {
	best := 0
	for i := range v {
		if v[i] > v[best] {
			best = i
		}
	}
	return best
}
