//go:build bench

// Command benchsum summarises the rows the bench scripts write (module,
// tool, mode, run, wall s, user s, sys s, peak RSS KiB, exit status,
// load average) as a Markdown table of medians, with ratios to the floor
// (the no-op analyzer in the same driver) and to gosec:
//
//	benchsum $WORK/peers.tsv
package main

import (
	"bufio"
	"cmp"
	"fmt"
	"log"
	"os"
	"slices"
	"strconv"
	"strings"
)

type key struct{ module, tool, mode string }

type runs struct {
	wall, cpu, rssMiB, load []float64
	exits                   []string
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: benchsum FILE.tsv")
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	data := map[key]*runs{}
	var order []key
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 10 || strings.HasPrefix(fs[0], "#") {
			continue
		}
		k := key{fs[0], fs[1], fs[2]}
		r := data[k]
		if r == nil {
			r = &runs{}
			data[k] = r
			order = append(order, k)
		}
		num := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
		r.wall = append(r.wall, num(fs[4]))
		r.cpu = append(r.cpu, num(fs[5])+num(fs[6]))
		r.rssMiB = append(r.rssMiB, num(fs[7])/1024)
		r.exits = append(r.exits, fs[8])
		r.load = append(r.load, num(fs[9]))
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	ratio := func(k key, ref string, f func(*runs) []float64) string {
		r, ok := data[key{k.module, ref, k.mode}]
		if !ok || median(f(r)) == 0 {
			return "–"
		}
		return fmt.Sprintf("%.2fx", median(f(data[k]))/median(f(r)))
	}
	wall := func(r *runs) []float64 { return r.wall }
	cpu := func(r *runs) []float64 { return r.cpu }
	fmt.Println("| module | tool | mode | runs | wall s (median) | CPU s (median) | peak RSS MiB (median) | wall / floor | CPU / floor | wall / gosec | CPU / gosec | exit | load avg |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
	slices.SortStableFunc(order, func(a, b key) int { return cmp.Compare(a.module, b.module) })
	for _, k := range order {
		r := data[k]
		slices.Sort(r.exits)
		fmt.Printf("| %s | %s | %s | %d | %.2f | %.2f | %.0f | %s | %s | %s | %s | %s | %.1f |\n",
			k.module, k.tool, k.mode, len(r.wall), median(r.wall), median(r.cpu), median(r.rssMiB),
			ratio(k, "floor", wall), ratio(k, "floor", cpu), ratio(k, "gosec", wall), ratio(k, "gosec", cpu),
			strings.Join(slices.Compact(r.exits), ","), median(r.load))
	}
}
