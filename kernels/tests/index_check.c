/*
 * index_check: a line-oriented driver of pk_index.h for the Go cross-check
 * (inference/gpu/index_test.go). Reads commands on stdin, one per line:
 *
 *   uniform <seed> <request-id-hex> <position>   -> key, float64 bits (hex)
 *   row <block_size> <kv_dim> <pos> <n> b0..bn-1 -> element offset
 *   splits <start> <end> <split>                 -> count then lo:hi pairs
 *   start <pos> <window>                         -> first attended position
 *   bf16 <float32 bits, hex>                     -> bfloat16 bits (hex)
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pk_index.h"

static int hexval(int c) {
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	return -1;
}

int main(void) {
	char cmd[32];
	while (scanf("%31s", cmd) == 1) {
		if (strcmp(cmd, "uniform") == 0) {
			uint64_t seed;
			char hex[4096];
			int64_t pos;
			if (scanf("%" SCNu64 " %4095s %" SCNd64, &seed, hex, &pos) != 3) return 2;
			/* "-" is the empty request id. */
			unsigned char id[2048];
			size_t n = 0;
			if (strcmp(hex, "-") != 0) {
				for (size_t i = 0; hex[i] && hex[i + 1]; i += 2) {
					int hi = hexval(hex[i]), lo = hexval(hex[i + 1]);
					if (hi < 0 || lo < 0) return 2;
					id[n++] = (unsigned char)(hi << 4 | lo);
				}
			}
			uint64_t key = pk_request_key(seed, pk_fnv1a64(id, n));
			double u = pk_uniform(key, pos);
			uint64_t bits;
			memcpy(&bits, &u, sizeof bits);
			printf("%016" PRIx64 " %016" PRIx64 "\n", key, bits);
		} else if (strcmp(cmd, "row") == 0) {
			int32_t bs, kvd, pos, n;
			if (scanf("%" SCNd32 " %" SCNd32 " %" SCNd32 " %" SCNd32, &bs, &kvd, &pos, &n) != 4 || n <= 0) return 2;
			int32_t *bt = malloc(sizeof(int32_t) * (size_t)n);
			for (int32_t i = 0; i < n; i++) {
				if (scanf("%" SCNd32, &bt[i]) != 1) return 2;
			}
			printf("%" PRId64 "\n", pk_kv_row(bt, bs, kvd, pos));
			free(bt);
		} else if (strcmp(cmd, "splits") == 0) {
			int32_t start, end, split;
			if (scanf("%" SCNd32 " %" SCNd32 " %" SCNd32, &start, &end, &split) != 3) return 2;
			int32_t n = pk_num_splits(start, end, split);
			printf("%" PRId32, n);
			for (int32_t i = 0; i < n; i++) {
				int32_t lo, hi;
				pk_split_range(start, end, split, i, &lo, &hi);
				printf(" %" PRId32 ":%" PRId32, lo, hi);
			}
			printf("\n");
		} else if (strcmp(cmd, "bf16") == 0) {
			uint32_t u;
			if (scanf("%" SCNx32, &u) != 1) return 2;
			printf("%04" PRIx16 "\n", pk_bf16_bits(u));
		} else if (strcmp(cmd, "start") == 0) {
			int32_t pos, w;
			if (scanf("%" SCNd32 " %" SCNd32, &pos, &w) != 2) return 2;
			printf("%" PRId32 "\n", pk_attn_start(pos, w));
		} else {
			fprintf(stderr, "unknown command %s\n", cmd);
			return 2;
		}
		fflush(stdout);
	}
	return 0;
}
